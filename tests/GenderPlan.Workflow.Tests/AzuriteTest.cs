
namespace GenderPlan.Workflow.Tests;

/// <summary>A test class on the shared Azurite: each test starts from empty storage.</summary>
[Collection(AzuriteCollection.Name)]
public abstract class AzuriteTest : IAsyncLifetime
{
    protected AzuriteTest(AzuriteFixture azurite) => Azurite = azurite;

    protected AzuriteFixture Azurite { get; }

    public virtual Task InitializeAsync() => Azurite.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
