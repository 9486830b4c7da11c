namespace FunnelInsight.Tests.Web.Cli;

/// <summary>Command line tests whose every test runs the real command line against a database of its own (<see cref="Cli"/>).</summary>
public abstract class CommandLineRunTests : IDisposable
{
    /// <summary>This test's command line, its folder and database removed when the test ends.</summary>
    private protected CommandLineRun Cli { get; } = new();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the test's folder and database; a derived class undoes what else its tests set.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Cli.Dispose();
        }
    }
}
