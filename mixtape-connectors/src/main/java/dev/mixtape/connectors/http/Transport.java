package dev.mixtape.connectors.http;

/**
 * Sends a {@link RemoteRequest}. The decorators ({@link TimedTransport}, {@link BoundedTransport},
 * {@link RateLimitedTransport}, {@link RetryingTransport}) each add one concern around another transport;
 * {@link RemoteStack} puts them together. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Transport {
    /**
     * @return the answer, whatever its status (only {@link RetryingTransport} turns statuses into exceptions)
     * @throws Resilience.TransportException when the host cannot be reached or the read timed out
     */
    RemoteResponse send(RemoteRequest request);
}
