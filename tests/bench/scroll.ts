/**
 * Scrolls the fake feed by `items` cards at a fixed pace (one card per `paceMs` of wall
 * time), driven inside the page. A Playwright wheel step per card is a CDP round trip that
 * took ~45 ms on 2 cores, on top of the pace: 5,000 items took 5 minutes a run. Steps keep to
 * the wall clock, so a busier page — the one with ScrollCart — is scrolled at the same pace:
 * after a slow task the driver catches up one card per half pace, no faster, because the fake
 * feed re-renders at most every 16 ms and fills only the ~10 cards around the view (catching up
 * 2 cards a step with no pause skipped 2 % of the fills under load). Between steps it sleeps
 * until the next card is due, so it adds no tasks of its own. Returns the cards scrolled past,
 * and whether the scroll ended because the page stopped drawing.
 */
export async function scrollFeed(args: { items: number; paceMs: number }): Promise<{ passed: number; frozen: boolean }> {
  // No named inner functions here: tsx would wrap them in a helper the page doesn't have.
  const stride = (window as unknown as { __fixtureFeed: { cardStride: number } }).__fixtureFeed.cardStride;
  const start = performance.now();
  const top = window.scrollY;
  let passed = 0;
  let progressAt = start;
  let nudgedAt = start;
  // Since when the nudges have seen no frame: a page that stopped drawing (feed-overhead.ts)
  // is given up after 3 s, not after the 20 s that a slow page's stall may take.
  let framelessSince = Infinity;
  while (passed < args.items && performance.now() - progressAt < 20_000 && performance.now() - framelessSince < 3000) {
    const now = performance.now();
    const due = Math.min(args.items, Math.floor((now - start) / args.paceMs) + 1);
    if (due > passed) {
      window.scrollBy(0, stride);
      const at = Math.round((window.scrollY - top) / stride);
      if (at > passed) [passed, progressAt] = [at, now];
      // Stuck at the end of what is loaded: the fake feed loads its next page when its sentinel
      // comes into view, and a scroll that outruns a load can leave the sentinel in view with no
      // load pending (its observer fired while the previous load ran). Three cards back take the
      // sentinel out of the observer's margin (two cards; two back left it 1 px inside), and the
      // observer only looks at a rendering step: two frames make sure one saw it outside (or
      // 250 ms, as frames stop in a frozen page: see feed-overhead.ts).
      else if (now - Math.max(progressAt, nudgedAt) > 300) {
        window.scrollBy(0, -3 * stride);
        const framed = await new Promise<boolean>((resolve) => {
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
          setTimeout(() => resolve(false), 250);
        });
        nudgedAt = performance.now();
        framelessSince = framed ? Infinity : Math.min(framelessSince, nudgedAt);
      }
    }
    const wait = Math.max(args.paceMs / 2, start + due * args.paceMs - performance.now());
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return { passed, frozen: passed < args.items && performance.now() - framelessSince >= 3000 };
}
