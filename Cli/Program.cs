using System.Text;
using GenderPlan.Cli;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return await CommandLine.RunAsync(args, CliConsole.FromProcess());
