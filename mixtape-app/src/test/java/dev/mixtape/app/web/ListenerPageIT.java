package dev.mixtape.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The listener view in headless Chromium: create a listener, take Mini-IPIP-20, like a pick and see the picks respond. */
class ListenerPageIT extends BrowserPages {
    @Test
    void questionnaireTraitsPicksAndEvents() {
        String id = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("#/listeners");
        browser.visible("#user-id").sendKeys(id);
        browser.find("#user-open").click();
        assertThat(browser.visible("#user-summary").getText()).startsWith(id + ": listener since").endsWith("0 events.");
        assertThat(browser.visible("#cold-start").getText()).startsWith("Cold-start stage:");
        List<WebElement> picks = browser.visible("#pick-list").findElements(By.cssSelector(":scope > li"));
        assertThat(picks).hasSize(10);
        assertThat(browser.find("#history-empty").getText()).contains("Nothing played yet");

        // The Mini-IPIP-20 with the server's item texts; answer every item, then see the traits as a chart.
        browser.find("#inventory-load").click();
        List<WebElement> items = browser.visible("#inventory-form").findElements(By.cssSelector("fieldset.item"));
        assertThat(items).hasSize(20);
        assertThat(items.get(0).findElement(By.tagName("legend")).getText()).startsWith("1. ").hasSizeGreaterThan(10);
        browser.find("#inventory-submit").click();
        assertThat(browser.visible("#inventory-submit-error").getText()).contains("Item 1 has no answer");
        for (int i = 0; i < items.size(); i++) {
            String value = (i % 2 == 0) ? "5" : "2";
            browser.find("input[name=q" + (i + 1) + "][value='" + value + "']").click();
        }
        browser.find("#inventory-submit").click();
        List<List<Object>> traits = browser.await(d -> browser.chartData("chart-traits"));
        assertThat(traits.get(0)).hasSize(5).allSatisfy(v -> assertThat(((Number) v).doubleValue()).isBetween(0.0, 1.0));
        assertThat(browser.find("#traits-summary").getText()).contains("mini-ipip-20");

        // Play the first pick: the history shows it. Like the next: the picks respond.
        WebElement first = browser.find("#pick-list > li");
        String played = first.findElement(By.cssSelector(".t-name")).getText();
        first.findElement(By.cssSelector("button[id^=play-]")).click();
        assertThat(browser.visible("#picks-note").getText()).startsWith("Played “" + played + "”.");
        assertThat(browser.visible("#history-table").getText()).contains(played);
        assertThat(browser.find("#user-summary").getText()).endsWith(", 1 event.");
        Object before = pickIds();
        WebElement next = browser.find("#pick-list > li");
        String liked = next.findElement(By.cssSelector(".t-name")).getText();
        next.findElement(By.cssSelector("button[id^=like-]")).click();
        browser.await(d -> browser.find("#picks-note").getText().startsWith("Liked “" + liked + "”."));
        assertThat(browser.find("#picks-note").getText()).contains("picks are new");
        assertThat(pickIds()).as("the picks after a like").isNotEqualTo(before);
        assertThat(browser.find("#cold-start").getText()).startsWith("Cold-start stage:");
        assertThat(browser.unlabelledControls()).isEmpty();
        assertThat(browser.lowContrastText()).isEmpty();
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("listener-view");
    }

    Object pickIds() {
        return browser.js("return [...document.querySelectorAll('#pick-list > li')].map(li => li.dataset.track);");
    }

    @Test
    void aMalformedIdIsExplained() {
        browser.open("#/listeners");
        browser.visible("#user-id").sendKeys("no spaces allowed");
        browser.find("#user-open").click();
        assertThat(browser.visible("#user-id-error").getText()).contains("is not a valid id");
    }
}
