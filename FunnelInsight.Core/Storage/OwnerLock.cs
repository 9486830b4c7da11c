namespace FunnelInsight.Core.Storage;

/// <summary>
/// A file held open under an exclusive OS lock by the process that owns some work (a running import, a rollup build's
/// temporary folder). The operating system drops the lock when that process ends, however it ends (a kill -9 too),
/// so another process tells live work from dead work by trying the lock: held means live, free means its owner is gone.
/// </summary>
public sealed class OwnerLock : IDisposable
{
    private readonly FileStream _file;

    private OwnerLock(string path, FileStream file)
    {
        Path = path;
        _file = file;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Creates (or takes over) the lock file at <paramref name="path"/> and holds it until disposed.</summary>
    /// <exception cref="IOException">Another live owner holds it.</exception>
    public static OwnerLock Take(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return new OwnerLock(path, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
    }

    /// <summary>True when a live process holds the lock at <paramref name="path"/>; false when it is free or there is no such file.</summary>
    public static bool IsHeld(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Removes the lock file and releases the lock (removed first, so that nobody takes over a file about to go).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Left for the next sweep, which finds it free.
        }

        _file.Dispose();
    }
}
