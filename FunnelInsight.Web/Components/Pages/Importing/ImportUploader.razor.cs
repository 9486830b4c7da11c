using FunnelInsight.Core.Import.Preview;
using FunnelInsight.Core.Import.Reading;
using FunnelInsight.Web.Components.UI;
using FunnelInsight.Web.Services.Importing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace FunnelInsight.Web.Components.Pages.Importing;

/// <summary>
/// Upload → preview (encoding, date order, decimal mark, mapping; the rows as they will be stored) → background import with progress → result. The file goes through the
/// <see cref="UploadGuard"/> (size limit, content check, sanitised name) to the store's own folder as it arrives;
/// only its first rows are read here; the import itself runs on the <see cref="ImportWorker"/>.
/// </summary>
public sealed partial class ImportUploader : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private readonly CircuitCulture _culture = CircuitCulture.Capture();
    private UploadStep _step;
    private ImportKind _kind = ImportKind.Events;
    private string? _error;
    private string _fileName = "";
    private long _fileSize;
    private long _uploadedBytes;
    private string? _uploadPath;
    private ImportPreview? _preview;
    private ImportPreview? _detected;
    private ReadingChoices _choices = ReadingChoices.None;
    private string? _mapping;
    private int _reads;
    private ImportJob? _job;
    private ImportResult? _result;

    private enum UploadStep
    {
        Choose,
        Uploading,
        Preview,
        Importing,
        Done,
    }

    [Inject]
    private UploadGuard Uploads { get; set; } = default!;

    [Inject]
    private ImportJobs Queue { get; set; } = default!;

    /// <summary>The store the file goes into (already checked by the page).</summary>
    [Parameter, EditorRequired]
    public int StoreId { get; set; }

    /// <summary>The page's store scope: asked again before the upload and before the import starts.</summary>
    [CascadingParameter]
    public StoreScope? Scope { get; set; }

    /// <summary>Raised when an import ends, so the history can reload.</summary>
    [Parameter]
    public EventCallback ImportFinished { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        // Back on the page while an import of this store runs (on any instance): show its progress again.
        if (await Queue.ActiveAsync(StoreId, _disposed.Token) is [var running, ..])
        {
            Watch(running);
        }
    }

    private async Task UploadAsync(IBrowserFile file)
    {
        // Taken now: once the page is left the source is cancelled and disposed, and the token stays cancelled.
        var token = _disposed.Token;
        _error = null;
        if (!await OwnerStillAsync(token))
        {
            return;
        }

        // Refused before a byte is sent, in the same words the guard's refusal would get.
        if (file.Size > Uploads.MaxBytes || file.Size == 0)
        {
            _error = file.Size == 0 ? Refusal(ContentProblem.Empty, file) : Refusal(UploadRefusal.TooLarge, file);
            return;
        }

        (_step, _fileName, _fileSize, _uploadedBytes) = (UploadStep.Uploading, file.Name, file.Size, 0);
        try
        {
            UploadResult upload;
            await using (var stream = file.OpenReadStream(Uploads.MaxBytes, token))
            {
                upload = await Uploads.SaveAsync(StoreId, file.Name, stream, file.Size, UploadProgress(), token);
            }

            if (upload.File is not { } stored)
            {
                Fail(upload.Content is { } content ? Refusal(content, file) : Refusal(upload.Refusal!.Value, file));
                return;
            }

            (_uploadPath, _fileName) = (stored.Path, stored.FileName);
            await PreviewAsync(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The page was left mid-upload: nothing to show, only the file to remove.
            DiscardUpload();
        }
        catch (IOException ex)
        {
            DiscardUpload();
            Fail(L["UploadFailed", file.Name, ex.Message]);
        }
    }

    /// <summary>Moves the upload bar at most once per percent, so a large file does not flood the circuit with renders.</summary>
    private Progress<long> UploadProgress()
    {
        var shownPercent = -1d;
        return new Progress<long>(bytes =>
        {
            _uploadedBytes = bytes;
            var percent = Math.Floor(Percent(bytes, _fileSize));
            if (percent != shownPercent)
            {
                shownPercent = percent;
                StateHasChanged();
            }
        });
    }

    private async Task PreviewAsync(CancellationToken token)
    {
        var path = _uploadPath!;
        var preview = await Task.Run(() => ImportPreviewer.Preview(path, _kind), token);
        if (preview.Problem is null && preview.Format is null)
        {
            // An order export dropped while "events" was chosen (or the reverse): take the kind the header says.
            var other = _kind == ImportKind.Events ? ImportKind.Orders : ImportKind.Events;
            var otherPreview = await Task.Run(() => ImportPreviewer.Preview(path, other), token);
            if (otherPreview.Format is not null)
            {
                (_kind, preview) = (other, otherPreview);
            }
        }

        if (preview.Problem is not null)
        {
            DiscardUpload();
            Fail(L["Preview" + preview.ProblemKind, _fileName, string.Join(", ", preview.Header)]);
            return;
        }

        (_preview, _detected, _choices, _mapping, _step) = (preview, preview, ReadingChoices.None, null, UploadStep.Preview);
    }

    private Task ChooseAsync(ReadingChoices choices)
    {
        _choices = choices;
        return RereadAsync();
    }

    private Task MapAsync(string mapping)
    {
        _mapping = mapping;
        return RereadAsync();
    }

    // The file read again with the user's encoding, date order, decimal mark and columns; a slower earlier read that ends later is dropped.
    private async Task RereadAsync()
    {
        var (path, kind, choices, mapping, read) = (_uploadPath, _kind, _choices, _mapping, ++_reads);
        if (path is null)
        {
            return;
        }

        var token = _disposed.Token;
        try
        {
            var preview = await Task.Run(() => ImportPreviewer.Preview(path, kind, choices: choices, mapping: mapping), token);
            if (read == _reads && _step == UploadStep.Preview)
            {
                _preview = preview;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The page was left while the file was read again.
        }
    }

    private async Task StartImportAsync(string mapping)
    {
        if (!await OwnerStillAsync(_disposed.Token))
        {
            DiscardUpload();
            return;
        }

        var request = new ImportRequest(StoreId, _kind, _uploadPath!, _fileName, _preview!.Format ?? "custom", mapping,
            _choices.Encoding, _choices.DateOrder, _choices.DecimalMark);
        _uploadPath = null; // the worker owns the file now and deletes it after the import
        Watch(await Queue.EnqueueAsync(request, _fileSize, _disposed.Token));
    }

    // The role may have been lowered, or the membership removed, since the page opened.
    private async Task<bool> OwnerStillAsync(CancellationToken token) => Scope is null || await Scope.AllowsAsync(StoreRole.Owner, token);

    private void Watch(ImportJob job)
    {
        (_job, _fileName, _step) = (job, job.Request.FileName ?? "", UploadStep.Importing);
        job.Changed += OnJobChanged;
        OnJobChanged();
    }

    // Raised on the import worker's thread: the render runs in the page's language, not the worker's.
    private void OnJobChanged() => _ = InvokeAsync(() => _culture.RunAsync(async () =>
    {
        if (_job?.Result is { } result && _step == UploadStep.Importing)
        {
            _job.Changed -= OnJobChanged;
            (_result, _step) = (result, UploadStep.Done);
            await ImportFinished.InvokeAsync();
        }

        StateHasChanged();
    }));

    /// <summary>The guard's refusal in the user's language (the guard's own text is the upload API's English).</summary>
    private string Refusal(UploadRefusal refusal, IBrowserFile file) => refusal == UploadRefusal.TooLarge
        ? L["UploadTooLarge", file.Name, Format.Bytes(file.Size, L), Format.Bytes(Uploads.MaxBytes, L)]
        : L["UploadRefused" + refusal, file.Name];

    /// <summary>The content check's verdict in the user's language.</summary>
    private string Refusal(ContentProblem problem, IBrowserFile file) => problem == ContentProblem.Empty
        ? L["UploadEmpty", file.Name]
        : L["UploadRefused" + problem, file.Name];

    private void Fail(string message) => (_error, _step) = (message, UploadStep.Choose);

    private void Reset()
    {
        DiscardUpload();
        (_step, _preview, _detected, _choices, _mapping, _result, _error) = (UploadStep.Choose, null, null, ReadingChoices.None, null, null, null);
    }

    private void DiscardUpload()
    {
        if (_uploadPath is not null)
        {
            UploadGuard.Remove(_uploadPath);
            _uploadPath = null;
        }
    }

    private static double Percent(long part, long whole) => whole > 0 ? Math.Clamp(100d * part / whole, 0, 100) : 0;

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        DiscardUpload();
        if (_job is not null)
        {
            _job.Changed -= OnJobChanged;
        }
    }
}
