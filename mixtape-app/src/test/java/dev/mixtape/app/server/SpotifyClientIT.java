package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.neovisionaries.i18n.CountryCode;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.exceptions.detailed.BadRequestException;
import se.michaelthelin.spotify.exceptions.detailed.NotFoundException;
import se.michaelthelin.spotify.model_objects.specification.ArtistSimplified;
import se.michaelthelin.spotify.model_objects.specification.Artist;
import se.michaelthelin.spotify.model_objects.specification.AudioFeatures;
import se.michaelthelin.spotify.model_objects.specification.Paging;
import se.michaelthelin.spotify.model_objects.specification.Recommendations;
import se.michaelthelin.spotify.model_objects.specification.RecommendationsSeed;
import se.michaelthelin.spotify.model_objects.specification.Track;

/**
 * Starts the real server on a random port with the full Spotify Tracks catalog (imported into a fresh
 * embedded H2 home) and drives it with the independent Java client spotify-web-api-java, as an app
 * that moved from Spotify to mixtape would.
 */
class SpotifyClientIT {
    static final String GEN_HOSHINO_COMEDY = "5SuOikwiRyPMVoIQDJUgSV";
    static final String BEN_WOODWARD_GHOST = "4qPNDBW1i3p13qLCt0Ki3A";

    static MixtapeApp app;
    static SpotifyApi api;
    static Catalog catalog;

    @BeforeAll
    static void start() throws Exception {
        app = FullCatalogServer.get();
        catalog = app.engines().get().catalog();
        api = SpotifyApi.builder().setScheme("http").setHost("127.0.0.1").setPort(app.port())
                .setAccessToken("any-token-is-accepted-without-api-keys").build();
    }

    @Test
    void catalogHasEveryDistinctValidTrack() {
        // 89,741 distinct ids in the file, one of which has no artist, name or album and is skipped.
        assertThat(catalog.size()).isEqualTo(89_740);
        assertThat(catalog.genreCount()).isEqualTo(114);
    }

    @Test
    void genreSeedsListsAll114Genres() throws Exception {
        String[] genres = api.getAvailableGenreSeeds().build().execute();
        assertThat(genres).hasSize(114).contains("acoustic", "k-pop", "world-music").isSorted();
    }

    @Test
    void recommendationsHonourFiltersAndSitCloserToTargets() throws Exception {
        float minEnergy = 0.3f;
        float maxEnergy = 0.8f;
        float targetValence = 0.8f;
        float targetDanceability = 0.7f;
        float targetAcousticness = 0.2f;
        Recommendations r = api.getRecommendations()
                .seed_tracks(GEN_HOSHINO_COMEDY + "," + BEN_WOODWARD_GHOST).seed_genres("acoustic,pop")
                .min_energy(minEnergy).max_energy(maxEnergy).min_popularity(20).max_popularity(100)
                .target_valence(targetValence).target_danceability(targetDanceability)
                .target_acousticness(targetAcousticness)
                .limit(100).market(CountryCode.US).build().execute();

        assertThat(r.getTracks()).hasSize(100);
        Set<String> ids = new HashSet<>();
        Map<String, Integer> perArtist = new HashMap<>();
        for (Track t : r.getTracks()) {
            assertThat(ids.add(t.getId())).as("duplicate %s", t.getId()).isTrue();
            perArtist.merge(t.getArtists()[0].getId(), 1, Integer::sum);
        }
        assertThat(ids).doesNotContain(GEN_HOSHINO_COMEDY, BEN_WOODWARD_GHOST);
        assertThat(perArtist.values()).allMatch(n -> n <= 3);

        AudioFeatures[] features = api.getAudioFeaturesForSeveralTracks(ids.toArray(String[]::new)).build().execute();
        assertThat(features).hasSize(100).doesNotContainNull();
        Track[] tracks = api.getSeveralTracks(Arrays.copyOf(ids.toArray(String[]::new), 50)).build().execute();
        for (Track t : tracks) {
            assertThat(t.getPopularity()).isBetween(20, 100);
        }
        double resultDistance = 0;
        for (AudioFeatures f : features) {
            assertThat(f.getEnergy()).isBetween(minEnergy, maxEnergy);
            resultDistance += Math.abs(f.getValence() - targetValence) + Math.abs(f.getDanceability() - targetDanceability)
                    + Math.abs(f.getAcousticness() - targetAcousticness);
        }
        resultDistance /= features.length;
        double catalogDistance = 0;
        for (int t = 0; t < catalog.size(); t++) {
            catalogDistance += Math.abs(catalog.value(Attribute.VALENCE, t) - targetValence)
                    + Math.abs(catalog.value(Attribute.DANCEABILITY, t) - targetDanceability)
                    + Math.abs(catalog.value(Attribute.ACOUSTICNESS, t) - targetAcousticness);
        }
        catalogDistance /= catalog.size();
        assertThat(resultDistance).as("mean distance to the targets, results vs catalog")
                .isLessThan(catalogDistance * 0.6);

        RecommendationsSeed[] seeds = r.getSeeds();
        assertThat(seeds).hasSize(4);
        assertThat(Arrays.stream(seeds).map(RecommendationsSeed::getId))
                .containsExactly(GEN_HOSHINO_COMEDY, BEN_WOODWARD_GHOST, "acoustic", "pop");
        for (RecommendationsSeed s : seeds) {
            assertThat(s.getInitialPoolSize()).isGreaterThanOrEqualTo(s.getAfterFilteringSize());
            assertThat(s.getAfterFilteringSize()).isPositive().isEqualTo(s.getAfterRelinkingSize());
        }
    }

    @Test
    void recommendationsAreDeterministic() throws Exception {
        var request = api.getRecommendations().seed_genres("jazz").target_energy(0.4f).limit(30).build();
        String[] first = Arrays.stream(request.execute().getTracks()).map(Track::getId).toArray(String[]::new);
        String[] second = Arrays.stream(request.execute().getTracks()).map(Track::getId).toArray(String[]::new);
        assertThat(first).hasSize(30).containsExactly(second);
    }

    @Test
    void artistSeedLeadsToTheArtistAndRelatedArtists() throws Exception {
        Paging<Artist> found = api.searchArtists("Daft Punk").limit(1).build().execute();
        String daftPunk = found.getItems()[0].getId();
        assertThat(found.getItems()[0].getName()).isEqualTo("Daft Punk");
        Recommendations r = api.getRecommendations().seed_artists(daftPunk).limit(20).build().execute();
        assertThat(r.getTracks()).hasSize(20);
        Set<String> related = new HashSet<>();
        for (Artist a : api.getArtistsRelatedArtists(daftPunk).build().execute()) {
            related.add(a.getId());
        }
        assertThat(related).hasSizeBetween(1, 20).doesNotContain(daftPunk);
        long fromArtistOrRelated = Arrays.stream(r.getTracks())
                .filter(t -> Arrays.stream(t.getArtists()).map(ArtistSimplified::getId)
                        .anyMatch(id -> id.equals(daftPunk) || related.contains(id)))
                .count();
        assertThat(fromArtistOrRelated).as("tracks by the seed artist or its related artists").isGreaterThanOrEqualTo(3);
    }

    @Test
    void audioFeaturesMatchTheDatasetAndUnknownIdsAreNull() throws Exception {
        AudioFeatures[] f = api.getAudioFeaturesForSeveralTracks(GEN_HOSHINO_COMEDY, "0000000000000000000000",
                BEN_WOODWARD_GHOST).build().execute();
        assertThat(f).hasSize(3);
        assertThat(f[1]).isNull();
        // Row 1 of the dataset: danceability 0.676, energy 0.461, key 1, loudness -6.746, mode 0, tempo 87.917
        assertThat(f[0].getId()).isEqualTo(GEN_HOSHINO_COMEDY);
        assertThat(f[0].getDanceability()).isEqualTo(0.676f);
        assertThat(f[0].getEnergy()).isEqualTo(0.461f);
        assertThat(f[0].getLoudness()).isEqualTo(-6.746f);
        assertThat(f[0].getTempo()).isEqualTo(87.917f);
        assertThat(f[0].getDurationMs()).isEqualTo(230_666);
        assertThat(f[2].getAcousticness()).isEqualTo(0.924f);
        AudioFeatures single = api.getAudioFeaturesForTrack(BEN_WOODWARD_GHOST).build().execute();
        assertThat(single.getEnergy()).isEqualTo(0.166f);
    }

    @Test
    void severalTracksCarryAlbumAndArtists() throws Exception {
        Track[] t = api.getSeveralTracks(GEN_HOSHINO_COMEDY, BEN_WOODWARD_GHOST).build().execute();
        assertThat(t).hasSize(2);
        assertThat(t[0].getName()).isEqualTo("Comedy");
        assertThat(t[0].getArtists()[0].getName()).isEqualTo("Gen Hoshino");
        assertThat(t[0].getAlbum().getName()).isEqualTo("Comedy");
        assertThat(t[1].getName()).isEqualTo("Ghost - Acoustic");
        assertThat(t[1].getAlbum().getName()).isEqualTo("Ghost (Acoustic)");
        assertThat(t[1].getDurationMs()).isEqualTo(149_610);
        Track one = api.getTrack(GEN_HOSHINO_COMEDY).build().execute();
        assertThat(one.getExternalUrls().get("spotify")).isEqualTo("https://open.spotify.com/track/" + GEN_HOSHINO_COMEDY);
        // no release dates in the dataset: Spotify's own form of an unknown one, which the client parses
        assertThat(one.getAlbum().getReleaseDate()).isEqualTo("0000");
        assertThat(one.getAlbum().getReleaseDatePrecision()).isEqualTo(se.michaelthelin.spotify.enums.ReleaseDatePrecision.YEAR);
    }

    @Test
    void albumsCountTheirTracksInTheCatalog() throws Exception {
        var resp = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + app.port() + "/v1/tracks/" + GEN_HOSHINO_COMEDY)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var album = new com.fasterxml.jackson.databind.ObjectMapper().readTree(resp.body()).get("album");
        dev.mixtape.core.Catalog c = app.engines().get().catalog();
        int t = c.indexOf(GEN_HOSHINO_COMEDY);
        long expected = java.util.stream.IntStream.range(0, c.size()).filter(x -> c.trackAlbum(x) == c.trackAlbum(t)).count();
        assertThat(album.get("total_tracks").asLong()).isEqualTo(expected).isPositive();
        assertThat(album.get("release_date_precision").asText()).isEqualTo("year");
    }

    @Test
    void searchFindsTracksIgnoringCaseAndAccents() throws Exception {
        Paging<Track> p = api.searchTracks("comedy gen hoshino").limit(5).build().execute();
        assertThat(p.getItems()).isNotEmpty();
        assertThat(p.getItems()[0].getId()).isEqualTo(GEN_HOSHINO_COMEDY);
        Paging<Artist> a = api.searchArtists("BEYONCE").limit(3).build().execute();
        assertThat(a.getItems()).extracting(Artist::getName).contains("Beyoncé");
        Paging<Track> paged = api.searchTracks("love").limit(10).offset(10).build().execute();
        assertThat(paged.getItems()).hasSize(10);
        assertThat(paged.getTotal()).isGreaterThan(100);
        assertThat(paged.getOffset()).isEqualTo(10);
        // the paging links are Spotify's (query=...), and following one gives the next page
        assertThat(paged.getNext()).contains("/v1/search?query=love&type=track&offset=20&limit=10");
        var next = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(paged.getNext())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(next.body()).at("/tracks/offset").asInt()).isEqualTo(20);
    }

    @Test
    void artistTopTracksAreTheArtistsMostPopular() throws Exception {
        String artist = api.searchArtists("Gen Hoshino").limit(1).build().execute().getItems()[0].getId();
        Track[] top = api.getArtistsTopTracks(artist, CountryCode.JP).build().execute();
        assertThat(top).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        for (int i = 0; i < top.length; i++) {
            assertThat(Arrays.stream(top[i].getArtists()).map(ArtistSimplified::getId)).contains(artist);
            if (i > 0) {
                assertThat(top[i].getPopularity()).isLessThanOrEqualTo(top[i - 1].getPopularity());
            }
        }
    }

    @Test
    void badRequestsGetSpotifyErrorsNamingTheProblem() {
        assertThatThrownBy(() -> api.getRecommendations().seed_tracks("0000000000000000000000").build().execute())
                .isInstanceOf(BadRequestException.class).hasMessageContaining("0000000000000000000000");
        assertThatThrownBy(() -> api.getRecommendations().seed_genres("polka-metal").build().execute())
                .isInstanceOf(BadRequestException.class).hasMessageContaining("polka-metal");
        assertThatThrownBy(() -> api.getRecommendations().seed_genres("jazz").min_energy(0.9f).max_energy(0.1f).build().execute())
                .isInstanceOf(BadRequestException.class).hasMessageContaining("min_energy");
        assertThatThrownBy(() -> api.getRecommendations().limit(10).build().execute())
                .isInstanceOf(BadRequestException.class).hasMessageContaining("seed");
        assertThatThrownBy(() -> api.getTrack("0000000000000000000000").build().execute())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void rawHttpErrorsUseSpotifysErrorObject() throws Exception {
        // The client checks ranges itself, so out-of-range and malformed values go over plain HTTP.
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + app.port();
        Map<String, String> cases = Map.of(
                "/v1/recommendations?seed_genres=jazz&target_valence=1.5", "target_valence must be a number from 0 to 1, got '1.5'",
                "/v1/recommendations?seed_genres=jazz&min_tempo=fast", "min_tempo must be a number from 0 to 300, got 'fast'",
                "/v1/recommendations?seed_genres=jazz&limit=101", "limit must be an integer from 1 to 100, got '101'",
                "/v1/recommendations?seed_genres=jazz&target_energi=0.5", "unknown parameter target_energi",
                "/v1/recommendations?seed_genres=jazz,rock,pop,soul,funk,disco", "at most 5 seeds in total, got 6",
                "/v1/audio-features?ids=", "ids is required",
                "/v1/search?q=daft&type=podcast", "type has an unknown value 'podcast'");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + c.getKey())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).as(c.getKey()).isEqualTo(400);
            var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(resp.body());
            assertThat(body.at("/error/status").asInt()).isEqualTo(400);
            assertThat(body.at("/error/message").asText()).as(c.getKey()).contains(c.getValue());
        }
        var missing = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/nothing")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"status\":404").contains("/v1/nothing");
        var ready = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("READY").contains("89740");
    }
}
