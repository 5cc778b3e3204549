package dev.mixtape.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.TestData;
import dev.mixtape.app.config.MixtapeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With API keys configured the UI asks for one when the server answers 401, sends it as a bearer token and
 * keeps it in sessionStorage only. A server of its own (no catalog needed: the key check comes first).
 */
class ApiKeyPageIT {
    static MixtapeApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Path data = TestData.dataDir();
        Path home = Files.createTempDirectory("mixtape-ui-keys");
        app = MixtapeApp.start(new MixtapeConfig(0, home, data, data.resolve("spotify-tracks-114k/dataset.csv.gz"),
                "jdbc:h2:file:" + home.resolve("db/mixtape"), "", "", List.of("secret-ui-key"), 3, 1000, null, null));
        browser = new Browser(app.port());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void asksForAKeyOnce401AndSendsIt() {
        browser.open("#/system");
        assertThat(browser.visible("#key-dialog").getText()).contains("protected by API keys");
        browser.find("#key-input").sendKeys("wrong-key");
        browser.find("#key-submit").click();
        String reason = browser.await(d -> {
            String t = browser.find("#key-reason").getText();
            return t.contains("not accepted") ? t : null;
        });
        assertThat(reason).contains("Invalid access token");
        browser.find("#key-input").sendKeys("secret-ui-key");
        browser.find("#key-submit").click();
        assertThat(browser.visible("#cache-table").getText()).contains("user-data");
        assertThat(browser.js("return sessionStorage.getItem('mixtape.apiKey')")).isEqualTo("secret-ui-key");
        assertThat(browser.js("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.find("#forget-key").isDisplayed()).isTrue();
        assertThat(browser.driver.getPageSource()).doesNotContain("secret-ui-key");
    }
}
