<?php
/**
 * Plugin Name:       commentary-reader
 * Description:       Shows the commentaries `commentary-reader build --site` published on this site in posts and pages, exactly as the build wrote them: a block, the [commentary] shortcode, and the commentaries' own addresses pasted on a line of their own. WordPress's content filters (curly quotes, paragraphs) never touch them, so they stay readable without JavaScript and hydrate in place with it.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 *
 * Where things are: the published site (the folder `build --site` wrote, with its
 * `commentary-reader/` widget folder and the commentaries' folders) is copied into the site's
 * web root, beside WordPress, or wherever the filters below say:
 *   - `commentary_reader_root`: the folder on disk (default: ABSPATH, WordPress's own folder);
 *   - `commentary_reader_url`: its address (default: home_url('/')).
 * Each commentary's `embed.html` (and `embed.<lang>.html`) already names the widget's files
 * with their SRI hashes, from where the site's `site.toml` said the widget is (`url`, `widget`):
 * the plugin prints that file and nothing else.
 *
 * The MIT licence is compatible with the GPL (version 2 or later) WordPress is under.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The published site's folder on disk, ending in a slash. */
function commentary_reader_root() {
	return trailingslashit( apply_filters( 'commentary_reader_root', ABSPATH ) );
}

/** The published site's address, ending in a slash. */
function commentary_reader_url() {
	return trailingslashit( apply_filters( 'commentary_reader_url', home_url( '/' ) ) );
}

/**
 * The embed the build wrote for the commentary in the folder `$path` (from the site's root,
 * e.g. `commentaries/belarus-china-relations-2024`) in the language `$lang` (empty: the
 * original), or an HTML comment saying why there is none.
 */
function commentary_reader_embed( $path, $lang = '' ) {
	$path = trim( (string) $path, '/' );
	$lang = (string) $lang;
	if ( ! preg_match( '#^[A-Za-z0-9_-]+(?:/[A-Za-z0-9._-]+)*$#', $path ) || false !== strpos( $path, '..' ) ) {
		return '<!-- commentary-reader: the path "' . esc_html( $path ) . '" is not a folder of the site (e.g. commentaries/my-commentary) -->';
	}
	if ( '' !== $lang && ! preg_match( '/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/', $lang ) ) {
		return '<!-- commentary-reader: "' . esc_html( $lang ) . '" is not a language tag (e.g. ru) -->';
	}
	$file = commentary_reader_root() . $path . '/' . ( '' === $lang ? 'embed.html' : 'embed.' . $lang . '.html' );
	if ( ! is_readable( $file ) ) {
		return '<!-- commentary-reader: ' . esc_html( $path . '/' . basename( $file ) ) . ' was not found: publish the folder with commentary-reader build --site -->';
	}
	return (string) file_get_contents( $file );
}

/*
 * Embeds held out of the content filters. What the block and the embed handler return goes
 * through wptexturize (and, for embeds, wpautop), which would curl the quotes of the text and
 * wrap the shadow root's lines in paragraphs, so the page no longer matched the bundle it was
 * rendered from. They return a placeholder instead, and the embed replaces it after every
 * other filter of `the_content`.
 */
$GLOBALS['commentary_reader_held'] = array();

/** A placeholder for `$html`, put back by commentary_reader_release(). */
function commentary_reader_hold( $html ) {
	$GLOBALS['commentary_reader_held'][] = $html;
	return '<div data-commentary-reader-held="' . ( count( $GLOBALS['commentary_reader_held'] ) - 1 ) . '"></div>';
}

/** `$content` with every placeholder replaced by what it holds. */
function commentary_reader_release( $content ) {
	return preg_replace_callback(
		'#(?:<p>\s*)?<div data-commentary-reader-held="(\d+)"></div>(?:\s*</p>)?#',
		function ( $m ) {
			return isset( $GLOBALS['commentary_reader_held'][ (int) $m[1] ] ) ? $GLOBALS['commentary_reader_held'][ (int) $m[1] ] : '';
		},
		$content
	);
}
add_filter( 'the_content', 'commentary_reader_release', 1000 );

/** [commentary path="commentaries/x" lang="ru"] */
function commentary_reader_shortcode( $atts ) {
	$atts = shortcode_atts( array( 'path' => '', 'lang' => '' ), $atts, 'commentary' );
	return commentary_reader_hold( commentary_reader_embed( $atts['path'], $atts['lang'] ) );
}
add_shortcode( 'commentary', 'commentary_reader_shortcode' );

/** The block `commentary-reader/commentary`: the same embed, chosen in the editor. */
function commentary_reader_render_block( $attributes ) {
	$path = isset( $attributes['path'] ) ? $attributes['path'] : '';
	$lang = isset( $attributes['lang'] ) ? $attributes['lang'] : '';
	return commentary_reader_hold( commentary_reader_embed( $path, $lang ) );
}

/**
 * An address of one of the site's commentaries pasted on a line of its own embeds it:
 * `…/commentaries/x/` (or `…/index.html`) the original, `…/index.ru.html` a translation.
 */
function commentary_reader_embed_handler( $matches ) {
	return commentary_reader_hold( commentary_reader_embed( $matches['path'], isset( $matches['lang'] ) ? $matches['lang'] : '' ) );
}

/** The pattern of the site's commentary addresses, for wp_embed_register_handler(). */
function commentary_reader_address_pattern() {
	return '#^' . preg_quote( commentary_reader_url(), '#' ) . '(?P<path>[A-Za-z0-9_-]+(?:/[A-Za-z0-9._-]+)*?)/(?:index\.html|index\.(?P<lang>[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*)\.html)?$#';
}

function commentary_reader_init() {
	wp_embed_register_handler( 'commentary-reader', commentary_reader_address_pattern(), 'commentary_reader_embed_handler' );
	wp_register_script(
		'commentary-reader-block',
		plugins_url( 'block.js', __FILE__ ),
		array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-i18n' ),
		'1.0.0',
		true
	);
	register_block_type(
		'commentary-reader/commentary',
		array(
			'api_version'     => 2,
			'title'           => 'Commentary',
			'category'        => 'embed',
			'editor_script'   => 'commentary-reader-block',
			'render_callback' => 'commentary_reader_render_block',
			'attributes'      => array(
				'path' => array( 'type' => 'string', 'default' => '' ),
				'lang' => array( 'type' => 'string', 'default' => '' ),
			),
		)
	);
}
add_action( 'init', 'commentary_reader_init' );
