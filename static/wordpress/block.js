// The editor's side of the block `commentary-reader/commentary` (commentary-reader.php renders
// it): two fields, the commentary's folder on the site and its language, and a preview of what
// the page will show. Plain script, no build step: WordPress's own packages from `wp`.
(function (wp) {
  const { createElement: el } = wp.element;
  const { TextControl, Placeholder } = wp.components;
  const { useBlockProps } = wp.blockEditor;
  wp.blocks.registerBlockType('commentary-reader/commentary', {
    apiVersion: 2,
    title: 'Commentary',
    category: 'embed',
    icon: 'media-document',
    attributes: { path: { type: 'string', default: '' }, lang: { type: 'string', default: '' } },
    edit({ attributes, setAttributes }) {
      return el('div', useBlockProps(),
        el(Placeholder, { label: 'Commentary', instructions: 'The folder commentary-reader build --site published, from the site\'s root, and the language (empty for the original).' },
          el(TextControl, { label: 'Folder', value: attributes.path, placeholder: 'commentaries/my-commentary', onChange: (path) => setAttributes({ path }) }),
          el(TextControl, { label: 'Language', value: attributes.lang, placeholder: 'ru', onChange: (lang) => setAttributes({ lang }) })));
    },
    // Rendered by the server (the published embed), so nothing is saved in the post's HTML.
    save: () => null,
  });
}(window.wp));
