package dev.mixtape.connectors.provider;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Which provider serves the catalog and the playlist workflow, and how to reach the remote ones.
 *
 * @param kind               {@code local} (default), {@code spotify}, {@code reccobeats}, or several joined by '+'
 *                           (each operation goes to the first that offers it, e.g. {@code spotify+reccobeats})
 * @param spotifyAudioFeatures whether the Spotify app may still read {@code /v1/audio-features} (closed to new apps)
 * @param readTimeout        read timeout of remote calls (60 s by default: ReccoBeats can be slow)
 * @param ratePerSecond      token-bucket rate per remote host
 * @param concurrency        remote calls in flight at once, in all
 * @param perHostConcurrency remote calls in flight at once to one host
 * @param slowThreshold      remote calls slower than this are logged
 */
public record ProviderConfig(String kind, URI spotifyApi, URI spotifyAccounts, String spotifyClientId, String spotifyClientSecret,
                             boolean spotifyAudioFeatures, URI reccobeatsUrl, Duration readTimeout, int ratePerSecond, int concurrency,
                             int perHostConcurrency, Duration slowThreshold) {
    public static final List<String> NAMES = List.of("local", "spotify", "reccobeats");
    public static final ProviderConfig LOCAL = new ProviderConfig("local", URI.create("https://api.spotify.com"),
            URI.create("https://accounts.spotify.com"), null, null, false, URI.create("https://api.reccobeats.com"), Duration.ofSeconds(60), 10, 16, 8,
            Duration.ofSeconds(20));

    public ProviderConfig {
        kind = kind == null || kind.isBlank() ? "local" : kind.strip().toLowerCase(Locale.ROOT);
        for (String k : parts(kind)) {
            if (!NAMES.contains(k)) {
                throw new IllegalArgumentException("provider '" + k + "' is unknown: use " + String.join(", ", NAMES)
                        + ", or several joined by '+' (e.g. spotify+reccobeats)");
            }
        }
        if (parts(kind).contains("spotify") && (blank(spotifyClientId) || blank(spotifyClientSecret))) {
            throw new IllegalArgumentException("provider " + kind + " uses Spotify: set spotify.client.id and spotify.client.secret "
                    + "(a Spotify app's client credentials)");
        }
        if (ratePerSecond < 1 || concurrency < 1 || perHostConcurrency < 1) {
            throw new IllegalArgumentException("remote.rate.per.second, remote.concurrency and remote.concurrency.per.host must be at least 1");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("remote.read.timeout.ms must be positive");
        }
    }

    /** The provider names in order. */
    public static List<String> parts(String kind) {
        return List.of((kind == null || kind.isBlank() ? "local" : kind).split("\\+")).stream().map(String::strip).toList();
    }

    public boolean local() {
        return kind.equals("local");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "ProviderConfig[" + kind + (parts(kind).contains("spotify") ? ", spotify=" + spotifyApi + " (client id set, secret hidden)" : "")
                + (parts(kind).contains("reccobeats") ? ", reccobeats=" + reccobeatsUrl : "") + "]";
    }
}
