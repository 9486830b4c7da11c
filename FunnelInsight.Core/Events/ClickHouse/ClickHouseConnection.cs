using System.Net.Http.Headers;

namespace FunnelInsight.Core.Events.ClickHouse;

/// <summary>
/// A thin client of ClickHouse's HTTP interface (the statement in the request body, rows as TabSeparated both ways).
/// It is our own because no .NET driver the project can get speaks to ClickHouse 18.16, the release Debian 12 ships:
/// the official driver sends settings 18.16 does not know. 18.16 has no server-side query parameters either, so every
/// value is written into the statement as a literal (<see cref="Quote"/> for text, invariant numbers).
/// </summary>
internal sealed class ClickHouseConnection
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly Uri _server;
    private readonly string _credentials;
    private readonly string _settings = "";

    /// <summary>Reads <c>http://[user[:password]@]host:port/?database=NAME[&amp;user=..&amp;password=..]</c>.</summary>
    /// <exception cref="ArgumentException">The string is not such an address, or names no database.</exception>
    public ClickHouseConnection(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The ClickHouse connection string must be an http(s) address such as http://127.0.0.1:8123/?database=funnelinsight, not '{connectionString}'.", nameof(connectionString));
        }

        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        Database = query["database"] is { Length: > 0 } database ? database
            : throw new ArgumentException("The ClickHouse connection string names no database (?database=NAME).", nameof(connectionString));
        if (!System.Text.RegularExpressions.Regex.IsMatch(Database, "^[A-Za-z_][A-Za-z0-9_]*$"))
        {
            throw new ArgumentException($"The ClickHouse database name '{Database}' must be letters, digits and underscores.", nameof(connectionString));
        }

        var (user, password) = (query["user"], query["password"]);
        if (uri.UserInfo is { Length: > 0 } info)
        {
            var colon = info.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? info : info[..colon]);
            password = colon < 0 ? password : Uri.UnescapeDataString(info[(colon + 1)..]);
        }

        _credentials = (user is null ? "" : "&user=" + Uri.EscapeDataString(user)) + (password is null ? "" : "&password=" + Uri.EscapeDataString(password));
        _server = new UriBuilder(uri.Scheme, uri.Host, uri.Port, uri.AbsolutePath).Uri;
    }

    private ClickHouseConnection(Uri server, string credentials, string database, string settings) =>
        (_server, _credentials, Database, _settings) = (server, credentials, database, settings);

    /// <summary>This connection with <paramref name="settings"/> (<c>name=value&amp;…</c>) sent with every statement, after its own.</summary>
    public ClickHouseConnection WithSettings(string settings) =>
        new(_server, _credentials, Database, _settings is { Length: > 0 } own ? own + "&" + settings : settings);

    /// <summary>
    /// A connection to database <paramref name="database"/> on <paramref name="host"/>, through the same port, path and
    /// credentials as this one (a shard of a cluster), without this one's settings.
    /// </summary>
    public ClickHouseConnection At(string host, string database) =>
        new(new UriBuilder(_server) { Host = host }.Uri, _credentials, database, "");

    /// <summary>The database the tables live in.</summary>
    public string Database { get; }

    /// <summary>A text literal: backslash and quote escaped, as ClickHouse reads them.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '\0' => @"\0",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ => c.ToString(),
            });
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>A number as a literal.</summary>
    public static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A list of numbers for <c>IN (...)</c>; a list that matches nothing when empty.</summary>
    public static string List(IEnumerable<long> values)
    {
        var text = string.Join(",", values.Select(Literal));
        return text.Length == 0 ? "NULL" : text;
    }

    /// <summary>Runs a statement without rows, in the database (or outside any with <paramref name="inDatabase"/> false).</summary>
    public void Execute(string sql, bool inDatabase = true)
    {
        using var response = Send(sql, null, inDatabase, null);
    }

    /// <summary>A query of one number (0 when it gives no row or NULL).</summary>
    public long Scalar(string sql)
    {
        long value = 0;
        Query(sql, row => value = row.IsNull(0) ? 0 : row.Int64(0));
        return value;
    }

    /// <summary>Runs a query and hands each row to <paramref name="read"/> as it arrives.</summary>
    public void Query(string sql, Action<TsvRow> read, CancellationToken cancellationToken = default)
    {
        using var response = Send(sql + " FORMAT TabSeparated", null, true, null);
        using var stream = response.Content.ReadAsStream(cancellationToken);
        var reader = new TsvReader(stream);
        long rows = 0;
        while (reader.Next() is { } row)
        {
            if (++rows % 8192 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            read(row);
        }
    }

    /// <summary>The rows of a query, each read by <paramref name="read"/>.</summary>
    public List<T> Rows<T>(string sql, Func<TsvRow, T> read, CancellationToken cancellationToken = default)
    {
        var rows = new List<T>();
        Query(sql, row => rows.Add(read(row)), cancellationToken);
        return rows;
    }

    /// <summary>Inserts the rows <paramref name="write"/> writes into <paramref name="table"/>'s <paramref name="columns"/>.</summary>
    public void Insert(string table, string columns, Action<TsvWriter> write, string? settings = null)
    {
        using var body = new MemoryStream();
        var writer = new TsvWriter(body);
        write(writer);
        writer.Flush();
        if (writer.Rows == 0)
        {
            return;
        }

        body.Position = 0;
        using var response = Send($"INSERT INTO {table} ({columns}) FORMAT TabSeparated", body, true, settings);
    }

    /// <summary>Inserts rows already written as TabSeparated.</summary>
    public void InsertTsv(string table, string columns, Stream rows, string? settings = null)
    {
        using var response = Send($"INSERT INTO {table} ({columns}) FORMAT TabSeparated", rows, true, settings);
    }

    private HttpResponseMessage Send(string sql, Stream? data, bool inDatabase, string? settings)
    {
        // With data the statement goes in the address and the rows in the body; otherwise the statement is the body.
        var query = (inDatabase ? "&database=" + Database : "") + _credentials + (_settings.Length == 0 ? "" : "&" + _settings) + (settings is null ? "" : "&" + settings);
        var address = new StringBuilder(_server.ToString()).Append('?').Append(query.TrimStart('&'));
        HttpContent content;
        if (data is null)
        {
            content = new ByteArrayContent(Encoding.UTF8.GetBytes(sql));
        }
        else
        {
            address.Append("&query=").Append(Uri.EscapeDataString(sql));
            // The rows' buffer is the caller's, to fill again: the content must not dispose it.
            content = data is MemoryStream rows && rows.TryGetBuffer(out var buffer)
                ? new ByteArrayContent(buffer.Array!, buffer.Offset + (int)rows.Position, (int)(rows.Length - rows.Position))
                : new StreamContent(data);
        }

        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, address.ToString()) { Content = content };
        var response = Http.Send(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                using var reader = new StreamReader(response.Content.ReadAsStream());
                var message = reader.ReadToEnd().Trim();
                throw new ClickHouseException($"ClickHouse at {_server} answered {(int)response.StatusCode}: {message}", sql);
            }
        }

        return response;
    }
}

/// <summary>ClickHouse refused a statement, or could not be reached.</summary>
/// <param name="message">What the server said.</param>
/// <param name="statement">The statement, shortened.</param>
internal sealed class ClickHouseException(string message, string statement)
    : IOException(message + Environment.NewLine + "Statement: " + (statement.Length > 2000 ? statement[..2000] + "…" : statement));
