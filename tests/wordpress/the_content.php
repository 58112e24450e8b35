<?php
/*
 * WordPress 6.1's own content filters over every embed the build wrote, through the plugin
 * (static/wordpress/commentary-reader.php): the shortcode, the block and a pasted address each
 * come out byte for byte as the build wrote them, inside a post whose own text the filters do
 * change (curly quotes, paragraphs). Run by tests/e2e/wordpress.test.mjs:
 *
 *   php tests/wordpress/the_content.php <wordpress folder> <site folder> [<posts folder>]
 *
 * The WordPress folder is Debian's `wordpress` package's /usr/share/wordpress, unpacked (its
 * wp-includes, not a running site: no database). `the_content`'s filters are read from its own
 * wp-includes/default-filters.php and registered where the function is loaded here; the test
 * prints which ran. Prints one line per check; exits 1 if any failed.
 */

$wordpress = $argv[1];
$site = $argv[2];
// Optional: a folder to write each filtered post into, as the page a theme would wrap it in
// (the browser test opens them).
$posts = isset( $argv[3] ) ? rtrim( $argv[3], '/' ) . '/' : null;
define( 'ABSPATH', rtrim( $wordpress, '/' ) . '/' );
define( 'WPINC', 'wp-includes' );
$GLOBALS['site'] = rtrim( realpath( $site ), '/' ) . '/';
const HOME = 'https://commentaries.example.org/';

// What the filters call that lives in files not loaded here (l10n, options, URLs).
function __( $text ) { return $text; }
function _x( $text ) { return $text; }
function get_option( $name ) { return 'use_smilies' === $name ? 1 : false; }
function home_url( $path = '' ) { return HOME . ltrim( $path, '/' ); }
function is_admin() { return false; }
function wp_installing() { return false; }
function wp_load_alloptions() { return array( 'blog_charset' => 'UTF-8' ); }

require ABSPATH . WPINC . '/plugin.php';
require ABSPATH . WPINC . '/formatting.php';
require ABSPATH . WPINC . '/shortcodes.php';
require ABSPATH . WPINC . '/kses.php';

// The plugin, finding the published site where the build wrote it.
require __DIR__ . '/../../static/wordpress/commentary-reader.php';
add_filter( 'commentary_reader_root', function () { return $GLOBALS['site']; } );

// `the_content` as WordPress 6.1 filters it.
$ran = array();
$skipped = array();
preg_match_all( "/add_filter\\(\\s*'the_content',\\s*'([a-z_]+)'(?:,\\s*(\\d+))?\\s*\\)/", file_get_contents( ABSPATH . WPINC . '/default-filters.php' ), $found, PREG_SET_ORDER );
foreach ( $found as $f ) {
	if ( function_exists( $f[1] ) ) {
		add_filter( 'the_content', $f[1], isset( $f[2] ) ? (int) $f[2] : 10 );
		$ran[] = $f[1];
	} else {
		$skipped[] = $f[1];
	}
}
echo 'the_content: ' . implode( ', ', $ran ) . ' (not loaded here: ' . implode( ', ', $skipped ) . ")\n";

$failed = 0;
function check( $ok, $what ) {
	global $failed;
	echo ( $ok ? 'ok   ' : 'FAIL ' ) . $what . "\n";
	if ( ! $ok ) {
		$failed++;
	}
}
foreach ( array( 'wptexturize', 'wpautop', 'do_shortcode' ) as $needed ) {
	check( in_array( $needed, $ran, true ), "WordPress's $needed runs" );
}

$post_text = "Read what they wrote -- it's \"striking\".\n\nSecond paragraph.";
$embeds = glob( $GLOBALS['site'] . 'commentaries/*/embed*.html' );
check( count( $embeds ) >= 3, count( $embeds ) . ' embeds written by the build' );
foreach ( $embeds as $file ) {
	$expected = file_get_contents( $file );
	$folder = 'commentaries/' . basename( dirname( $file ) );
	$lang = preg_match( '/^embed\.(.+)\.html$/', basename( $file ), $m ) ? $m[1] : '';
	$name = $folder . '/' . basename( $file );
	$page = HOME . $folder . '/' . ( '' === $lang ? '' : "index.$lang.html" );
	$lang_attr = '' === $lang ? '' : " lang=\"$lang\"";
	$ways = array(
		// The shortcode, typed into the post.
		'shortcode' => "$post_text\n\n[commentary path=\"$folder\"$lang_attr]\n\nAfter.",
		// The block: do_blocks (priority 9) puts its render callback's output in first.
		'block' => "$post_text\n\n" . commentary_reader_render_block( array( 'path' => $folder, 'lang' => $lang ) ) . "\n\nAfter.",
		// A pasted address: autoembed (priority 8) puts the handler's output on its line.
		'address' => "$post_text\n\n" . ( preg_match( commentary_reader_address_pattern(), $page, $matches ) ? commentary_reader_embed_handler( $matches ) : 'no match' ) . "\n\nAfter.",
	);
	// The control: the same embed pasted as it is, which is what the plugin is for.
	check( false === strpos( apply_filters( 'the_content', "$post_text\n\n$expected\n\nAfter." ), $expected ), "$name pasted without the plugin: WordPress's filters change it" );
	foreach ( $ways as $way => $content ) {
		$out = apply_filters( 'the_content', $content );
		if ( $posts ) {
			$page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title></head><body><main>' . $out . "</main></body></html>\n";
			file_put_contents( $posts . str_replace( '/', '-', $name ) . ".$way.html", $page );
		}
		$at = strpos( $out, $expected );
		check( false !== $at, "$name by $way: the embed is in the post byte for byte" );
		if ( false !== $at ) {
			$before = substr( $out, 0, $at );
			// Not inside a paragraph: WordPress closed its own before the embed.
			check( substr_count( $before, '<p>' ) === substr_count( $before, '</p>' ), "$name by $way: the element is not inside a <p>" );
		}
		// The post's own text was filtered (the filters ran), the embed's was not.
		check( false !== strpos( $out, '&#8220;striking&#8221;' ), "$name by $way: the post's own quotes curled" );
	}
}
// What the plugin refuses.
check( 0 === strpos( commentary_reader_embed( '../etc', '' ), '<!-- commentary-reader:' ), 'a path leaving the site is refused' );
check( 0 === strpos( commentary_reader_embed( 'commentaries/none', '' ), '<!-- commentary-reader:' ), 'a folder without an embed says so' );
check( 0 === strpos( commentary_reader_embed( 'commentaries/x', '"><script>' ), '<!-- commentary-reader:' ) && false === strpos( commentary_reader_embed( 'commentaries/x', '"><script>' ), '<script>' ), 'a language that is no tag is refused, inertly' );
exit( $failed ? 1 : 0 );
