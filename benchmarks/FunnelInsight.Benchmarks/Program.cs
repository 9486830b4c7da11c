using System.Diagnostics;
using FunnelInsight.Benchmarks;

using var duck = new DuckDbFunnel(args[0]);
Console.WriteLine($"load {duck.Load().TotalSeconds:F2}s");
for (var i = 0; i < 3; i++)
{
    var sw = Stopwatch.StartNew();
    var r = duck.OrderedFunnelByDevice("paid_search");
    Console.WriteLine($"query {sw.Elapsed.TotalSeconds:F3}s " + string.Join(" | ", r.Select(kv => kv.Key + ":" + string.Join(",", kv.Value))));
}
