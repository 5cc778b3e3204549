package dev.mixtape.storage.redis;

import dev.mixtape.storage.cache.SharedTier;
import dev.mixtape.storage.cache.SharedTierContract;

/** {@link SharedTierContract} on the real Redis on 127.0.0.1:6379 ({@code -Dmixtape.it.redis.url}): one connection per instance. */
class RedisSharedTierIT extends SharedTierContract {
    @Override
    protected SharedTier openInstance() {
        return new RedisSharedTier(Redis.connect(RedisIT.URL));
    }
}
