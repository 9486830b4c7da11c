using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FunnelInsight.Core.Storage;

/// <summary>
/// The few SQLite calls a bulk write makes per row, declared straight on the native library that SQLitePCLRaw loads
/// (<c>e_sqlite3</c>). SQLitePCLRaw wraps every call in a safe-handle reference count and a provider indirection, and
/// turns each string into a new UTF-8 array; for ten million rows of sixteen values those wrappers cost more than
/// SQLite's own insert. Binds are short, never call back into .NET and never block, so they skip the GC transition.
/// </summary>
internal static unsafe partial class NativeSqlite
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLite's <c>SQLITE_STATIC</c>: the bound bytes stay valid (pinned) until the statement is stepped or rebound.</summary>
    public const nint Static = 0;

    /// <summary>SQLite's <c>SQLITE_TRANSIENT</c>: SQLite copies the bytes before the bind returns.</summary>
    public const nint Transient = -1;

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindInt64(nint statement, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_double")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindDouble(nint statement, int index, double value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindNull(nint statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindText(nint statement, int index, byte* text, int length, nint destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_blob")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindBlob(nint statement, int index, byte* blob, int length, nint destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_clear_bindings")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ClearBindings(nint statement);

    /// <summary>Runs the statement: does the I/O, so it keeps the GC transition.</summary>
    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Step(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Reset(nint statement);
}
