namespace FunnelInsight.Tests.Support;

/// <summary>Where the repository's own files are, for tests that check the README against the code.</summary>
internal static class RepoPaths
{
    /// <summary>The repository's root: the first folder above the test assembly that holds the README.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "README.md")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("README.md not found above the test assembly.");
        }

        return folder.FullName;
    }
}
