package dev.mixtape.app.web;

import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** What the page tests share: the full-catalog server and a fresh headless Chromium per test class. */
abstract class BrowserPages {
    static MixtapeApp app;
    static Browser browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        app = FullCatalogServer.get();
        browser = new Browser(app.port());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
