using System.Text;
using GenderPlan.Cli;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return CommandLine.Run(args, CliConsole.FromProcess());
