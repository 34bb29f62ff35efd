package fr.academie.gateway.browser;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The devices the portal is tried on: a phone and a tablet, in portrait, emulated by Chromium's device metrics (the
 * viewport, the pixel ratio, a touch screen) rather than a narrow desktop window.
 */
enum Screen {
    PHONE(390, 844, 3),
    TABLET(768, 1024, 2);

    /** What a finger needs (WCAG 2.5.5's 44 CSS pixels), asked of buttons, fields, choices and menu links. */
    private static final String TOO_SMALL_OR_TOO_WIDE = """
            const width = window.innerWidth;
            const found = [];
            const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' «'
              + (e.getAttribute('aria-label') || e.textContent || e.name || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '»';
            const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
            // what an ancestor cuts off (a long subject ending in "…") is not wider than the screen
            const clipped = (e) => {
              for (let a = e.parentElement || e.getRootNode().host; a; a = a.parentElement || a.getRootNode().host) {
                if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 1) { return true; }
              }
              return false;
            };
            const walk = (root) => root.querySelectorAll('*').forEach((e) => {
              if (e.shadowRoot) { walk(e.shadowRoot); }
              if (!shown(e) || e.closest('iframe')) { return; }
              const box = e.getBoundingClientRect();
              if (box.right > width + 1 && getComputedStyle(e).position !== 'fixed' && !clipped(e)) {
                found.push('wider than the screen: ' + name(e) + ' ends at ' + Math.round(box.right));
              }
              const control = e.matches('button, select, textarea, input:not([type=hidden]), nav a, a.bouton, [role=button], [role=tab]');
              if (!control || e.closest('[inert]')) { return; }
              const target = e.matches('input[type=checkbox], input[type=radio]') && e.closest('label') ? e.closest('label') : e;
              const area = target.getBoundingClientRect();
              if (area.width < 43.5 || area.height < 43.5) {
                found.push('smaller than a finger: ' + name(e) + ' ' + Math.round(area.width) + '×' + Math.round(area.height));
              }
            });
            walk(document);
            if (document.documentElement.scrollWidth > width + 1) {
              found.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px');
            }
            return found;""";

    final int width;
    final int height;
    private final int pixelRatio;

    Screen(int width, int height, int pixelRatio) {
        this.width = width;
        this.height = height;
        this.pixelRatio = pixelRatio;
    }

    /** The browser becomes this device (until it quits). */
    void emulate(ChromeDriver browser) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", pixelRatio, "mobile", true));
        browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        assertEquals(true, PortalPages.script(browser, "return matchMedia('(pointer: coarse)').matches"), "a touch screen");
    }

    /**
     * The screen as shown fits the device: nothing wider than it, no sideways scroll, every control at least 44 px
     * each way; and axe-core finds no critical or serious violation.
     */
    void assertFits(ChromeDriver browser, String screen) {
        assertEquals(List.of(), PortalPages.script(browser, TOO_SMALL_OR_TOO_WIDE), screen + " on a " + this);
        Accessibility.assertNoSeriousViolation(browser, screen + " on a " + this, 8);
    }

    @Override
    public String toString() {
        return this == PHONE ? "phone (" + width + "×" + height + ")" : "tablet (" + width + "×" + height + ")";
    }
}
