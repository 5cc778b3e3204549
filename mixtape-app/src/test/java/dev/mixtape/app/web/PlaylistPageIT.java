package dev.mixtape.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.app.server.PlaylistRoutes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The playlist maker (home page) in headless Chromium against the full catalog. */
class PlaylistPageIT extends BrowserPages {
    @Test
    void makesThePlaylistAskedForWithChartsAndExports() {
        browser.open("");
        assertThat(browser.driver.getTitle()).contains("Playlist maker");
        browser.visible("#prompt").sendKeys("rainy sunday morning, acoustic, no rap");
        WebElement length = browser.find("#length");
        length.clear();
        length.sendKeys("12");
        browser.find("#make").click();
        browser.visible("#tracks li");
        List<WebElement> tracks = browser.all("#tracks > li");
        assertThat(tracks).hasSize(12);
        assertThat(browser.find("#result-heading").getText()).startsWith("12 tracks");
        for (WebElement t : tracks) {
            assertThat(t.findElement(org.openqa.selenium.By.cssSelector(".t-artists")).getText()).isNotBlank();
            assertThat(t.findElements(org.openqa.selenium.By.cssSelector(".tag"))).as("genres").isNotEmpty();
            assertThat(t.findElement(org.openqa.selenium.By.cssSelector(".t-why")).getText()).contains("Open on Spotify");
            assertThat(t.findElement(org.openqa.selenium.By.cssSelector("a")).getAttribute("href")).startsWith("https://open.spotify.com/track/");
        }
        // The energy arc: energy, valence and tempo, one point per track.
        List<List<Object>> arc = browser.chartData("chart-arc");
        assertThat(arc).hasSize(3).allSatisfy(points -> assertThat(points).hasSize(12));
        assertThat(arc.get(0)).allSatisfy(v -> assertThat(((Number) v).doubleValue()).isBetween(0.0, 1.0));
        assertThat(browser.find("#prompt-reading").getText()).contains("acoustic").contains("no rap");
        assertThat(browser.chartData("chart-quality").get(0)).hasSize(6);
        assertThat(browser.chartData("chart-timing")).hasSize(6);
        assertThat(browser.unlabelledControls()).isEmpty();
        assertThat(browser.lowContrastText()).isEmpty();
        browser.screenshot("playlist-maker");

        String before = browser.find("#tracks").getText();
        browser.find("#regenerate").click();
        browser.await(d -> browser.find("#result-heading").getText().endsWith("seed 1"));
        assertThat(browser.find("#tracks").getText()).as("another seed, another playlist").isNotEqualTo(before);
        assertThat(browser.all("#tracks > li")).hasSize(12);

        browser.find("#export-m3u").click();
        assertThat(browser.find("#export-status").getText()).contains("mixtape-playlist.m3u");
        String m3u = (String) browser.js("return import('/js/pages/playlist.js').then(m => m.asM3u({tracks: "
                + "[{position: 1, artists: ['A'], name: 'B', duration_ms: 61000, spotify_url: 'u'}]}));");
        assertThat(m3u).isEqualTo("#EXTM3U\n#EXTINF:61,A - B\nu\n");
    }

    @Test
    void targetSlidersOverrideThePrompt() {
        browser.open("");
        browser.visible("#prompt").sendKeys("calm acoustic evening");
        browser.find("details summary").click();
        browser.find("#use-energy").click();
        browser.js("const r = document.getElementById('target-energy'); r.value = '0.9'; r.dispatchEvent(new Event('input'));");
        browser.find("#make").click();
        browser.visible("#tracks li");
        assertThat(browser.find("#prompt-reading").getText()).contains("energy set to 0.9");
    }

    /**
     * A playlist from a remote catalog says where it came from. The server here is local, so the page's fetch adds the
     * {@code remote} part to the real answer, written by the server's own {@link PlaylistRoutes#remoteJson} (the
     * server side of a remote answer is RemoteServerIT's, against a Spotify + ReccoBeats stub).
     */
    @Test
    void aRemotePlaylistSaysWhichProviderItCameFrom() throws Exception {
        String remote = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(PlaylistRoutes.remoteJson(
                new dev.mixtape.connectors.workflow.RemotePlaylists.Report("spotify+reccobeats", 6, 120, 40, 1,
                        List.of("anchors", "recommend"), 310.0, 402.0, 281.0)));
        browser.open("");
        browser.js("const remote = JSON.parse(arguments[0]); const real = window.fetch;"
                + "window.fetch = async (url, init) => { const res = await real(url, init);"
                + " if (!String(url).includes('/api/v1/playlists') || !res.ok) return res;"
                + " const body = await res.json(); body.remote = remote;"
                + " return new Response(JSON.stringify(body), {status: res.status, headers: res.headers}); };", remote);
        browser.visible("#prompt").sendKeys("happy summer party");
        browser.find("#make").click();
        browser.visible("#tracks li");
        assertThat(browser.visible("#remote-summary").getText())
                .isEqualTo("From spotify+reccobeats: 120 candidates from 6 seed tracks, 1 pass(es); remote calls took 993 ms.");
        assertThat(browser.lowContrastText()).isEmpty();
    }

    @Test
    void badInputIsExplainedNextToItsControl() {
        browser.open("");
        browser.visible("#make").click();
        assertThat(browser.visible("#prompt-error").getText()).contains("Write a prompt first");
        browser.find("#prompt").sendKeys("jazz");
        WebElement length = browser.find("#length");
        length.clear();
        length.sendKeys("500");
        browser.find("#make").click();
        assertThat(browser.visible("#length-error").getText()).contains("5 to 200");
        assertThat(length.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.lowContrastText()).as("error messages are readable").isEmpty();
    }

    @Test
    void worksWithTheKeyboardAloneAndAtPhoneWidth() {
        browser.size(390, 844);
        try {
            browser.open("");
            WebElement prompt = browser.visible("#prompt");
            prompt.sendKeys("happy summer party");
            // Tab to the length field and submit the form with Enter.
            browser.await(d -> {
                d.switchTo().activeElement().sendKeys(Keys.TAB);
                return "length".equals(d.switchTo().activeElement().getAttribute("id")) ? true : null;
            });
            browser.driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), "8", Keys.ENTER);
            browser.visible("#tracks li");
            assertThat(browser.all("#tracks > li")).hasSize(8);
            assertThat(browser.overflowsHorizontally()).as("sideways scrolling at 390 px").isFalse();
            browser.screenshot("playlist-maker-phone");
        } finally {
            browser.size(1280, 1000);
        }
    }
}
