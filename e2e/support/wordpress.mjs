// WordPress, as a host of embeds, for the CMS specs: its own `wp-embed.js`
// (from Debian's `wordpress` package, unpacked by `cargo xtask setup`) and
// the markup it makes of a discovered oEmbed response.
//
// WordPress (6.1.9 here) filters the `html` of a provider it found by
// discovery, not one registered with `wp_oembed_add_provider`, through
// `wp_filter_oembed_result()` (wp-includes/embed.php). `filterOembedResult`
// below follows that function step by step; its `wp_kses` calls (keep only
// these elements and attributes, drop the rest but keep their text) run in
// the browser's own HTML parser (`kses` needs a page to evaluate in).

import { existsSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './stories.mjs';

/** WordPress's own embed script, as Debian ships it. */
export const WP_EMBED_JS = path.join(
  REPO_ROOT,
  'target/debian/wordpress/usr/share/wordpress/wp-includes/js/wp-embed.js',
);

/** The script's path; fails with what to run when it is missing. */
export function wpEmbedScript() {
  if (!existsSync(WP_EMBED_JS)) throw new Error(`${WP_EMBED_JS} is missing: run \`cargo xtask setup\``);
  return WP_EMBED_JS;
}

/** `$allowed_html` of wp_filter_oembed_result(). */
const ALLOWED = {
  a: ['href'],
  blockquote: [],
  iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'],
};

/** wp_kses($html, $allowed): runs in `page` (any page: only its parser is used). */
async function kses(page, html, allowed) {
  return page.evaluate(
    ({ html, allowed }) => {
      const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
      const clean = (node) => {
        for (const child of [...node.childNodes]) {
          if (child.nodeType === Node.COMMENT_NODE) {
            child.remove();
          } else if (child.nodeType === Node.ELEMENT_NODE) {
            const name = child.localName;
            clean(child);
            if (!(name in allowed)) {
              child.replaceWith(...child.childNodes);
              continue;
            }
            for (const attr of [...child.attributes]) {
              if (!allowed[name].includes(attr.name)) child.removeAttribute(attr.name);
            }
          }
        }
      };
      clean(doc.body);
      return doc.body.innerHTML;
    },
    { html, allowed },
  );
}

/** wp_generate_password(10, false): ten letters and digits. */
function secret() {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length: 10 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

/**
 * What WordPress stores for a discovered provider's `html` (false when it
 * would refuse it), as wp_filter_oembed_result() makes it.
 */
export async function filterOembedResult(page, html) {
  let out = await kses(page, html, ALLOWED);
  const content = out.match(/(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s);
  // "We require at least the iframe to exist."
  if (!content?.[2]) return false;
  out = (content[1] ?? '') + content[2];
  const src = out.match(/ src=(['"])(.*?)\1/);
  let key = null;
  if (src) {
    key = secret();
    const url = `${src[2]}#?secret=${key}`.replaceAll('&', '&#038;'); // esc_url
    const q = src[1];
    out = out.replace(src[0], ` src=${q}${url}${q} data-secret=${q}${key}${q}`);
    out = out.replace('<blockquote', `<blockquote data-secret="${key}"`);
  }
  out = await kses(page, out, {
    ...ALLOWED,
    blockquote: [...ALLOWED.blockquote, 'data-secret'],
    iframe: [...ALLOWED.iframe, 'data-secret'],
  });
  if (content[1]) {
    // "We have a blockquote to fall back on. Hide the iframe by default."
    out = out.replace('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    out = out.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  out = out.replace(/<iframe/i, '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
  return { html: out, secret: key };
}

/**
 * A post's body as WordPress renders an embed block around `html`, then
 * the script at `script` (wp-embed.js, which WordPress enqueues in the
 * footer of a page whose post holds such an embed).
 */
export function post(html, script, { provider = 'explainer' } = {}) {
  return `<figure class="wp-block-embed is-type-rich is-provider-${provider} wp-block-embed-${provider}">
<div class="wp-block-embed__wrapper">
${html}
</div></figure>
<script src="${script}"></script>`;
}
