package chrome

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// chartsReadyWait resolves to whether <html> has data-charts-ready="true",
// waiting for the attribute up to the given milliseconds. A
// MutationObserver, not chromedp.Poll, whose new Function the page's
// Content-Security-Policy would refuse; Runtime.evaluate itself is not
// governed by the page's CSP.
const chartsReadyWait = `new Promise((resolve) => {
	const html = document.documentElement;
	const ready = () => html.dataset.chartsReady === "true";
	if (ready()) return resolve(true);
	const seen = new MutationObserver(() => {
		if (ready()) { seen.disconnect(); resolve(true); }
	});
	seen.observe(html, {attributes: true, attributeFilter: ["data-charts-ready"]});
	setTimeout(() => { seen.disconnect(); resolve(ready()); }, %d);
})`

// ChartsReady waits up to timeout for the page loaded in tab to set
// data-charts-ready="true" on <html>, and reports whether it did. The
// site's charts.js sets it once every chart has drawn, or at once on a page
// without charts: ECharts' own "finished" event never fires with animation
// off. A zero timeout only reads the attribute. The error is for a tab
// that cannot run the wait at all (closed, crashed, ctx done).
func ChartsReady(tab context.Context, timeout time.Duration) (bool, error) {
	return chromedp.Run(tab, chromedp.Evaluate[bool](
		fmt.Sprintf(chartsReadyWait, max(timeout, 0).Milliseconds()), chromedp.EvalAwaitPromise))
}
