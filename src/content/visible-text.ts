/**
 * Which text of a page a reader sees: not the code it runs, not form fields (the user's own
 * typing), not templates, not hidden elements. Used by the monitoring script.
 */

/** Elements whose text is not prose a reader sees on the page. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
]);

/** Marks a highlight wraps text in (where the CSS Custom Highlight API is missing). */
export const MARK_ATTRIBUTE = 'data-vigie';

/**
 * Whether an element's text is left out of what monitoring reads as seen, with all its
 * descendants: code, form fields (the user's own typing), editable regions.
 */
export function isSkipped(element: Element): boolean {
  return (
    SKIPPED.has(element.tagName.toUpperCase()) ||
    (element as HTMLElement).isContentEditable === true
  );
}

/** Whether `node` is inside an element the scan leaves out (the node itself included). */
export function insideSkipped(node: Node): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  return false;
}

/**
 * A test of whether an element is shown, each element's answer kept for the pass (a page's
 * text nodes share few parents). Uses `checkVisibility` where the browser has it, else the
 * computed styles of the element and its ancestors.
 */
export function createVisibility(): (element: Element) => boolean {
  const shown = new Map<Element, boolean>();
  const displayed = new Map<Element, boolean>();

  /** Not display: none, nor [hidden], up to the root (display is not inherited). */
  const isDisplayed = (el: Element): boolean => {
    let answer = displayed.get(el);
    if (answer === undefined) {
      answer =
        !el.hasAttribute('hidden') &&
        getComputedStyle(el).display !== 'none' &&
        (el.parentElement ? isDisplayed(el.parentElement) : true);
      displayed.set(el, answer);
    }
    return answer;
  };

  const compute = (el: Element): boolean => {
    if (typeof el.checkVisibility === 'function') {
      if (el.checkVisibility({ visibilityProperty: true })) return true;
      // An element with display: contents has no box of its own: its text shows as its
      // parent's does.
      return (
        getComputedStyle(el).display === 'contents' &&
        el.parentElement !== null &&
        isShown(el.parentElement)
      );
    }
    // visibility is inherited: the element's computed value already says its ancestors' say.
    return isDisplayed(el) && getComputedStyle(el).visibility !== 'hidden';
  };

  const isShown = (el: Element): boolean => {
    let answer = shown.get(el);
    if (answer === undefined) {
      answer = compute(el);
      shown.set(el, answer);
    }
    return answer;
  };
  return isShown;
}
