package dev.mixtape.storage.cache;

/** {@link SharedTierContract} on the in-memory tier the unit tests stand in for Redis with. */
class MapTierTest extends SharedTierContract {
    private final MapTier.Backend backend = new MapTier.Backend();

    @Override
    protected SharedTier openInstance() {
        return new MapTier(backend);
    }
}
