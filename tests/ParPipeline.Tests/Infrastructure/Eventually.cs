using System.Diagnostics;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>Polls until a condition yields a value; for work done by triggers in the background.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0} s.");
            }
            await Task.Delay(200);
        }
    }
}
