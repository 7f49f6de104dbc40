/* keys: types key sequences through libhangul's 2-set keyboard ("2", default
 * options) as a text field would, and prints each sequence with the text and
 * the syllable being composed. One sequence a line on standard input; '<' is
 * Backspace. Output: keys TAB text TAB composing, all UTF-8.
 * Build: cc keys.c $(pkg-config --cflags --libs libhangul) */
#include <hangul.h>
#include <stdio.h>
#include <string.h>

enum { MAX = 1024 };

static ucschar text[MAX];
static size_t len;

static void append(const ucschar *s) {
	for (; *s && len < MAX - 1; s++)
		text[len++] = *s;
}

static void put_utf8(ucschar c) {
	if (c < 0x80) {
		putchar((int)c);
	} else if (c < 0x800) {
		putchar(0xC0 | (c >> 6));
		putchar(0x80 | (c & 0x3F));
	} else {
		putchar(0xE0 | (c >> 12));
		putchar(0x80 | ((c >> 6) & 0x3F));
		putchar(0x80 | (c & 0x3F));
	}
}

static void type_line(HangulInputContext *ic, const char *keys) {
	len = 0;
	hangul_ic_reset(ic);
	for (const char *k = keys; *k; k++) {
		if (*k == '<') {
			if (!hangul_ic_backspace(ic) && len > 0)
				len--;
			continue;
		}
		bool used = hangul_ic_process(ic, *k);
		append(hangul_ic_get_commit_string(ic));
		if (!used) {
			ucschar c[2] = {(ucschar)(unsigned char)*k, 0};
			append(c);
		}
	}
	const ucschar *pre = hangul_ic_get_preedit_string(ic);
	fputs(keys, stdout);
	putchar('\t');
	for (size_t i = 0; i < len; i++)
		put_utf8(text[i]);
	for (const ucschar *p = pre; *p; p++)
		put_utf8(*p);
	putchar('\t');
	for (const ucschar *p = pre; *p; p++)
		put_utf8(*p);
	putchar('\n');
}

int main(void) {
	HangulInputContext *ic = hangul_ic_new("2");
	char line[MAX];
	if (!ic)
		return 1;
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\r\n")] = 0;
		if (line[0] && line[0] != '#')
			type_line(ic, line);
	}
	hangul_ic_delete(ic);
	return 0;
}
