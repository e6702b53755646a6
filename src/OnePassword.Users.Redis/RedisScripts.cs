using StackExchange.Redis;

namespace OnePassword.Users.Redis;

/// <summary>
/// The Lua scripts, prepared once. Each runs atomically on the Redis server and takes the time from
/// the server's <c>TIME</c>, so the workers' clocks, however skewed, never decide a grant.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// A sliding log per budget: grants <c>@permits</c> when every rule of <c>@rules</c>
    /// (<c>limit:window_ms,...</c>) still has room in its window, after any refusal or hold.
    /// Returns <c>{granted, wait_ms, remaining}</c>: granted is 1, 0 (wait) or -1 (refused).
    /// </summary>
    public static readonly LuaScript Acquire = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local refuse = tonumber(redis.call('GET', @refuse) or '0')
        if refuse > now then return {-1, refuse - now, 0} end
        local hold = tonumber(redis.call('GET', @hold) or '0')
        if hold > now then return {0, hold - now, 0} end
        local permits = tonumber(@permits)
        local rules = {}
        local longest = 0
        for limit, window in string.gmatch(@rules, '(%d+):(%d+)') do
          limit = tonumber(limit)
          window = tonumber(window)
          table.insert(rules, {limit, window})
          if window > longest then longest = window end
        end
        redis.call('ZREMRANGEBYSCORE', @log, '-inf', now - longest)
        local wait = 0
        local remaining = -1
        for _, rule in ipairs(rules) do
          local limit, window = rule[1], rule[2]
          local count = redis.call('ZCOUNT', @log, now - window + 1, '+inf')
          if count + permits > limit then
            local oldest = redis.call('ZRANGEBYSCORE', @log, now - window + 1, '+inf', 'WITHSCORES', 'LIMIT', count + permits - limit - 1, 1)
            local leaves = tonumber(oldest[2]) + window
            if leaves - now > wait then wait = leaves - now end
          else
            local left = limit - count - permits
            if remaining < 0 or left < remaining then remaining = left end
          end
        end
        if wait > 0 then return {0, wait, 0} end
        for p = 1, permits do
          local n = redis.call('INCR', @sequence)
          redis.call('ZADD', @log, now, now .. '-' .. n)
        end
        redis.call('PEXPIRE', @log, longest)
        redis.call('PEXPIRE', @sequence, longest)
        return {1, 0, remaining}
        """);

    /// <summary>Moves the instant stored at <c>@key</c> to now + <c>@duration</c> ms, never earlier; returns the milliseconds left.</summary>
    public static readonly LuaScript Extend = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local target = now + tonumber(@duration)
        local current = tonumber(redis.call('GET', @key) or '0')
        if target > current then
          redis.call('SET', @key, target, 'PX', tonumber(@duration) + 1000)
          return tonumber(@duration)
        end
        return current - now
        """);

    /// <summary>Deletes <c>@key</c> only when its value starts with <c>@prefix</c> (a lock's owner, a token's fingerprint).</summary>
    public static readonly LuaScript DeleteIfStartsWith = LuaScript.Prepare("""
        local value = redis.call('GET', @key)
        if value and string.sub(value, 1, string.len(@prefix)) == @prefix then
          return redis.call('DEL', @key)
        end
        return 0
        """);
}
