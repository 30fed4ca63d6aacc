using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GenderPlan.Functions;

/// <summary>
/// Lets an HTTP function return the <see cref="IResult"/> of a shared handler: the Functions worker's ASP.NET
/// Core integration executes <see cref="IActionResult"/>s, and this one executes the result on the real response.
/// </summary>
/// <param name="Result">What the handler answered.</param>
public sealed record ResultAction(IResult Result) : IActionResult
{
    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}
