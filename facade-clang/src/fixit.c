/* fixit.c — the edit that fixes a rejection, where it is mechanical and
 * known to be right (bvf_fixit_for, bvf.h; docs/diagnostics.md "Fix-its").
 *
 * Four kinds, from the core's structured cause (bv_result.cause) and the
 * source lines the object's line info carries:
 *  - nullable-pointer: after the lookup statement `T *v = f(...);` insert
 *    `if (!v) return PASS;`;
 *  - packet-bounds: before the statement reading `p->field`, insert
 *    `if ((void *)(p + 1) > data_end) return PASS;` (data_end: the
 *    variable the function loaded from ctx->data_end);
 *  - unbounded-index: before the statement indexing `a[i]` (a is an
 *    array the object's BTF knows, of N elements), insert
 *    `if (i >= N) return PASS;` (`i < 0 ||` first unless i is declared
 *    with an unsigned type);
 *  - reference-leak: the `return` the leaking path takes becomes
 *    `{ release(v); return …; }`, for a reference acquired by a call whose
 *    release is known, when the lines between the acquisition and that
 *    return check v against NULL and release nothing.
 * PASS is the program type's pass-through value: XDP_PASS, TC_ACT_OK, 1
 * for cgroup_skb, 0 for tracing programs; other program types get no
 * fix-it. Anything the text does not show plainly (a statement spanning
 * lines, two candidates, a subprogram) gives no fix-it rather than a
 * wrong one.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>

#include "bvf_internal.h"
#include "obj_internal.h"

#define LINE_MAX_LEN 512
#define IDENT_MAX 64

/* ---- the program's source lines ---- */

/* The main function's instruction range: the early exit returns the
 * program's value only there. */
static bool in_main(const struct bvf_program *prog, int32_t insn)
{
	return insn >= 0 && prog->nr_funcs > 0 &&
	       (uint32_t)insn >= prog->funcs[0].insn_off &&
	       (uint32_t)insn - prog->funcs[0].insn_off < prog->func_cnt[0];
}

struct src_line {
	const char *file;
	uint32_t line;
	char text[LINE_MAX_LEN];  /* without trailing blanks and // comment */
	size_t len;
};

static void strip_tail(struct src_line *l)
{
	char *c = strstr(l->text, "//");

	if (c)
		*c = '\0';
	l->len = strlen(l->text);
	while (l->len && isspace((unsigned char)l->text[l->len - 1]))
		l->text[--l->len] = '\0';
}

static bool line_of(const struct bvf_program *prog, int32_t insn, struct src_line *l)
{
	struct bvf_source_loc loc;

	if (insn < 0 || !bvf_program_source_loc(prog, (uint32_t)insn, &loc) ||
	    !loc.file || !loc.line || !loc.text || strlen(loc.text) >= LINE_MAX_LEN)
		return false;
	l->file = loc.file;
	l->line = loc.line;
	snprintf(l->text, sizeof(l->text), "%s", loc.text);
	strip_tail(l);
	return true;
}

/* ---- text ---- */

static bool ident_start(char c) { return isalpha((unsigned char)c) || c == '_'; }
static bool ident_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* The identifier that ends just before `end` (spaces skipped), at or after
 * `start`, into name; false when there is none or it is too long. */
static bool ident_before(const char *start, const char *end, char name[IDENT_MAX])
{
	const char *p, *q = end;
	size_t n;

	while (q > start && isspace((unsigned char)q[-1]))
		q--;
	p = q;
	while (p > start && ident_char(p[-1]))
		p--;
	n = (size_t)(q - p);
	if (!n || n >= IDENT_MAX || !ident_start(*p))
		return false;
	memcpy(name, p, n);
	name[n] = '\0';
	return true;
}

/* Does `word` occur in s as a whole identifier? */
static const char *find_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = strstr(s, word); p; p = strstr(p + 1, word))
		if ((p == s || !ident_char(p[-1])) && !ident_char(p[n]))
			return p;
	return NULL;
}

static size_t indent_of(const char *s)
{
	size_t n = 0;

	while (s[n] == ' ' || s[n] == '\t')
		n++;
	return n;
}

static bool balanced(const char *s)
{
	int paren = 0, bracket = 0;

	for (; *s; s++) {
		paren += (*s == '(') - (*s == ')');
		bracket += (*s == '[') - (*s == ']');
		if (paren < 0 || bracket < 0)
			return false;
	}
	return paren == 0 && bracket == 0;
}

static size_t count_char(const char *s, char c)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == c;
	return n;
}

/* A line that is one whole statement beginning where its text begins,
 * so that a statement inserted before it runs right before it. */
static bool starts_statement(const struct src_line *l)
{
	const char *t = l->text + indent_of(l->text);
	static const char *const no[] = { "else", "case", "default", "return", NULL };

	if (!ident_start(*t) || !balanced(l->text) || !l->len)
		return false;
	for (size_t i = 0; no[i]; i++)
		if (find_word(t, no[i]) == t)
			return false;
	/* a complete statement or the head of a block */
	return l->text[l->len - 1] == ';' || l->text[l->len - 1] == '{' ||
	       l->text[l->len - 1] == ')';
}

/* `[type] name = call(...);` on one line: copies name and the called
 * function's name. */
static bool parse_call_assignment(const struct src_line *l, char *name, char *fn)
{
	const char *t = l->text, *eq, *p, *q;
	size_t n;

	if (!l->len || t[l->len - 1] != ';' || count_char(t, ';') != 1 || !balanced(t))
		return false;
	for (eq = strchr(t, '='); eq; eq = strchr(eq + 1, '='))
		if (eq[1] != '=' && eq > t && !strchr("=!<>+-*/&|^%", eq[-1]))
			break;
	if (!eq)
		return false;
	/* left: declarator tokens ending with the variable's name */
	for (p = t; p < eq; p++)
		if (strchr("[].(),>-", *p))
			return false;
	if (!ident_before(t, eq, name))
		return false;
	/* right: a call, possibly behind a cast */
	p = strchr(eq, '(');
	while (p) {
		q = p;
		while (q > eq && isspace((unsigned char)q[-1]))
			q--;
		const char *s = q;

		while (s > eq && ident_char(s[-1]))
			s--;
		if (q > s && ident_start(*s)) {
			n = (size_t)(q - s);
			if (n >= IDENT_MAX)
				return false;
			memcpy(fn, s, n);
			fn[n] = '\0';
			/* a cast's type is a keyword or a type: `(struct x *)f(...)` */
			if (strcmp(fn, "struct") && strcmp(fn, "void") && strcmp(fn, "long"))
				return true;
		}
		p = strchr(p + 1, '(');
	}
	return false;
}

/* ---- the source around a rejection ---- */

/* The source file's lines, read from disk when it is the file that was
 * compiled: every line the line info records reads the same there. The
 * leaking path's return has no instruction of its own (the compiler
 * shares one exit), so its text is only in the file. */
struct file_lines {
	char *buf;
	char **line;      /* line[i]: line i + 1 */
	uint32_t n;
};

static void file_lines_free(struct file_lines *fl)
{
	free(fl->buf);
	free(fl->line);
	memset(fl, 0, sizeof(*fl));
}

static bool file_lines_load(const struct bvf_program *prog, const char *file,
			    struct file_lines *fl)
{
	FILE *f = fopen(file, "rb");
	size_t len = 0, cap = 1 << 20;
	uint32_t n = 0;

	memset(fl, 0, sizeof(*fl));
	if (!f)
		return false;
	fl->buf = malloc(cap + 1);
	if (fl->buf)
		len = fread(fl->buf, 1, cap, f);
	if (!fl->buf || !feof(f) || ferror(f)) {
		fclose(f);
		file_lines_free(fl);
		return false;   /* unreadable, or larger than a BPF source is */
	}
	fclose(f);
	fl->buf[len] = '\0';
	for (size_t i = 0; i < len; i++)
		n += fl->buf[i] == '\n';
	fl->line = calloc(n + 1, sizeof(*fl->line));
	if (!fl->line) {
		file_lines_free(fl);
		return false;
	}
	for (char *p = fl->buf; *p; ) {
		char *nl = strchr(p, '\n');

		fl->line[fl->n++] = p;
		if (!nl)
			break;
		*nl = '\0';
		if (nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		p = nl + 1;
	}
	for (size_t i = 0; i < prog->nr_lines; i++) {
		const struct obj_line *l = &prog->lines[i];

		if (!l->file || strcmp(l->file, file) || !l->text || !l->text[0])
			continue;
		if (!l->line || l->line > fl->n || strcmp(fl->line[l->line - 1], l->text)) {
			file_lines_free(fl);
			return false;
		}
	}
	return true;
}

static bool file_line(const struct file_lines *fl, const char *file, uint32_t n,
		      struct src_line *l)
{
	if (!n || n > fl->n || strlen(fl->line[n - 1]) >= LINE_MAX_LEN)
		return false;
	l->file = file;
	l->line = n;
	snprintf(l->text, sizeof(l->text), "%s", fl->line[n - 1]);
	strip_tail(l);
	return true;
}

/* The lines of `file` to read around a rejection: the file on disk when
 * it is the one compiled, else the lines the line info carries (the others
 * read as unknown). */
static bool view_open(const struct bvf_program *prog, const char *file, struct file_lines *fl)
{
	uint32_t max = 0;

	if (file_lines_load(prog, file, fl))
		return true;
	for (size_t i = 0; i < prog->nr_lines; i++)
		if (prog->lines[i].file && !strcmp(prog->lines[i].file, file) &&
		    prog->lines[i].line > max)
			max = prog->lines[i].line;
	fl->line = calloc(max + 1, sizeof(*fl->line));
	if (!fl->line)
		return false;
	fl->n = max;
	for (size_t i = 0; i < prog->nr_lines; i++)
		if (prog->lines[i].file && !strcmp(prog->lines[i].file, file) &&
		    prog->lines[i].line && prog->lines[i].text && prog->lines[i].text[0])
			fl->line[prog->lines[i].line - 1] = (char *)prog->lines[i].text;
	return true;
}

static const char *view_line(const struct file_lines *fl, uint32_t n)
{
	return n && n <= fl->n ? fl->line[n - 1] : NULL;
}

/* From line `from` back to the start of the function's body (the first
 * line that begins in column 0, e.g. its `{`), fn on each known line;
 * stops when fn returns true. */
static bool scan_back(const struct file_lines *fl, uint32_t from,
		      bool (*fn)(void *ctx, const char *text), void *ctx)
{
	for (uint32_t n = from; n >= 1; n--) {
		const char *t = view_line(fl, n);

		if (!t)
			continue;
		if (t[0] && !isspace((unsigned char)t[0]))
			return false;
		if (fn(ctx, t))
			return true;
	}
	return false;
}

/* ---- the pass-through value ---- */

/* The value returning from the program changes nothing; NULL for program
 * types without one named here. TC_ACT_OK is a macro of linux/pkt_cls.h
 * that vmlinux.h lacks: named only when a line before `before` uses it. */
static const char *pass_value(const struct bvf_program *prog, const struct file_lines *fl,
			      uint32_t before)
{
	switch (prog->prog_type) {
	case BV_PROG_TYPE_XDP:
		return "XDP_PASS";
	case BV_PROG_TYPE_SCHED_CLS:
	case BV_PROG_TYPE_SCHED_ACT:
		for (uint32_t n = 1; n < before; n++)
			if (view_line(fl, n) && find_word(view_line(fl, n), "TC_ACT_OK"))
				return "TC_ACT_OK";
		return "0 /* TC_ACT_OK */";
	case BV_PROG_TYPE_CGROUP_SKB:
		return "1";
	case BV_PROG_TYPE_KPROBE:
	case BV_PROG_TYPE_TRACEPOINT:
	case BV_PROG_TYPE_PERF_EVENT:
	case BV_PROG_TYPE_RAW_TRACEPOINT:
	case BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE:
	case BV_PROG_TYPE_TRACING:
		return "0";
	default:
		return NULL;
	}
}

static bool set_fix(struct bvf_fixit *fix, const struct src_line *l, uint32_t col,
		    uint32_t end_col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static bool set_fix(struct bvf_fixit *fix, const struct src_line *l, uint32_t col,
		    uint32_t end_col, const char *fmt, ...)
{
	va_list ap;
	int n;

	fix->file = l->file;
	fix->line = fix->end_line = l->line;
	fix->column = col;
	fix->end_column = end_col;
	va_start(ap, fmt);
	n = vsnprintf(fix->text, sizeof(fix->text), fmt, ap);
	va_end(ap);
	return n > 0 && (size_t)n < sizeof(fix->text);
}

/* ---- (a) the NULL check after a lookup ---- */

static bool fix_null_check(const struct bvf_program *prog, const struct bv_result *res,
			   const struct src_line *at, const char *pass, struct bvf_fixit *fix)
{
	const struct bv_insn *call;
	struct src_line l = *at;
	char name[IDENT_MAX], fn[IDENT_MAX];
	size_t ind;

	if (!in_main(prog, res->cause.insn) || (uint32_t)res->cause.insn >= prog->insn_cnt)
		return false;
	call = &prog->insns[res->cause.insn];
	if (call->code != (BV_JMP | BV_CALL) || !parse_call_assignment(&l, name, fn))
		return false;
	ind = indent_of(l.text);
	snprintf(fix->description, sizeof(fix->description),
		 "check '%s' for NULL after %s()", name, fn);
	return set_fix(fix, &l, (uint32_t)l.len + 1, (uint32_t)l.len + 1,
		       "\n%.*sif (!%s)\n%.*s\treturn %s;", (int)ind, l.text, name,
		       (int)ind, l.text, pass);
}

/* ---- (b) the data_end check before a packet access ---- */

/* `void *NAME = (void *)(long)ctx->data_end;`: NAME into ctx */
static bool data_end_line(void *ctx, const char *text)
{
	char *name = ctx;
	const char *eq = strchr(text, '='), *de;

	if (!eq || eq[1] == '=' || !(de = strstr(eq, "->data_end")) || ident_char(de[10]) ||
	    count_char(text, ';') != 1)
		return false;
	return ident_before(text, eq, name);
}

static bool fix_packet_check(const struct bvf_program *prog, const struct bv_result *res,
			     const struct file_lines *fl, const struct src_line *at,
			     const char *pass, struct bvf_fixit *fix)
{
	char data_end[IDENT_MAX];
	struct src_line l = *at;
	char ptr[IDENT_MAX] = "";
	const char *p;
	size_t ind;

	if (!in_main(prog, res->insn) || !starts_statement(&l))
		return false;
	/* exactly one `p->` on the line: the packet pointer */
	for (p = strstr(l.text, "->"); p; p = strstr(p + 2, "->")) {
		const char *s = p;
		size_t n;

		while (s > l.text && ident_char(s[-1]))
			s--;
		n = (size_t)(p - s);
		if (!n || n >= IDENT_MAX || !ident_start(*s) ||
		    (s > l.text && (s[-1] == '.' || s[-1] == '>')))
			return false;
		if (ptr[0] && (strlen(ptr) != n || strncmp(ptr, s, n)))
			return false;
		memcpy(ptr, s, n);
		ptr[n] = '\0';
	}
	if (!ptr[0] || !strcmp(ptr, "ctx") || !strcmp(ptr, "skb"))
		return false;
	if (!scan_back(fl, l.line - 1, data_end_line, data_end))
		return false;
	ind = indent_of(l.text);
	snprintf(fix->description, sizeof(fix->description),
		 "check that '%s' lies within the packet before reading it", ptr);
	return set_fix(fix, &l, 1, 1, "%.*sif ((void *)(%s + 1) > %s)\n%.*s\treturn %s;\n",
		       (int)ind, l.text, ptr, data_end, (int)ind, l.text, pass);
}

/* ---- (c) the bound on an unchecked index ---- */

/* Elements of the array named `name` (a struct or union member, or a
 * variable) in the object's BTF: 0 when unknown or ambiguous. */
static uint32_t array_len_by_name(const struct btf *btf, const char *name)
{
	uint32_t found = 0, cnt = btf__type_cnt(btf);

	for (uint32_t id = 1; id < cnt; id++) {
		const struct btf_type *t = btf__type_by_id(btf, id);
		uint32_t tid = 0;
		bool named = false;

		if (btf_is_composite(t)) {
			const struct btf_member *m = btf_members(t);

			for (uint16_t i = 0; i < btf_vlen(t); i++)
				if (!strcmp(btf__name_by_offset(btf, m[i].name_off), name)) {
					if (named)
						return 0;
					named = true;
					tid = m[i].type;
				}
		} else if (btf_is_var(t) && !strcmp(btf__name_by_offset(btf, t->name_off), name)) {
			named = true;
			tid = t->type;
		}
		if (!named)
			continue;
		t = btf__type_by_id(btf, btf__resolve_type(btf, tid) < 0 ? tid :
				    (uint32_t)btf__resolve_type(btf, tid));
		if (!t || !btf_is_array(t) || !btf_array(t)->nelems)
			return 0;
		if (found && found != btf_array(t)->nelems)
			return 0;
		found = btf_array(t)->nelems;
	}
	return found;
}

struct decl_ctx {
	const char *name;
	bool is_unsigned;
};

/* `__u32 idx = …;` / `unsigned int idx;`: the declaration of the name, and
 * whether its type is unsigned */
static bool decl_line(void *ctx, const char *text)
{
	static const char *const unsigned_types[] = {
		"__u8", "__u16", "__u32", "__u64", "u8", "u16", "u32", "u64",
		"unsigned", "size_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t", NULL
	};
	struct decl_ctx *c = ctx;
	const char *t = text + indent_of(text), *p = find_word(t, c->name);

	if (!p || p == t)
		return false;   /* absent, or an assignment */
	for (const char *q = t; q < p; q++)
		if (!ident_char(*q) && !isspace((unsigned char)*q))
			return false;
	for (p += strlen(c->name); isspace((unsigned char)*p); p++)
		;
	if ((*p != '=' || p[1] == '=') && *p != ';')
		return false;
	for (size_t i = 0; unsigned_types[i]; i++)
		if (find_word(t, unsigned_types[i]) == t)
			c->is_unsigned = true;
	return true;
}

static bool fix_index_bound(const struct bvf_program *prog, const struct bv_result *res,
			    const struct file_lines *fl, const struct src_line *at,
			    const char *pass, struct bvf_fixit *fix)
{
	const struct btf *btf = bvf_program_btf(prog);
	struct decl_ctx dc = { NULL, false };
	struct src_line l = *at;
	char arr[IDENT_MAX], idx[IDENT_MAX];
	const char *o, *c, *s;
	uint32_t nelems;
	size_t n, ind;

	if (!btf || !in_main(prog, res->insn) || !starts_statement(&l) ||
	    count_char(l.text, '[') != 1)
		return false;
	o = strchr(l.text, '[');
	c = strchr(o, ']');
	if (!c)
		return false;
	/* the index: one identifier */
	s = o + 1;
	while (isspace((unsigned char)*s))
		s++;
	for (n = 0; ident_char(s[n]); n++)
		;
	if (!n || n >= IDENT_MAX || !ident_start(*s))
		return false;
	memcpy(idx, s, n);
	idx[n] = '\0';
	for (s += n; isspace((unsigned char)*s); s++)
		;
	if (s != c)
		return false;
	/* the array: the identifier right before '[' */
	s = o;
	while (s > l.text && ident_char(s[-1]))
		s--;
	n = (size_t)(o - s);
	if (!n || n >= IDENT_MAX || !ident_start(*s))
		return false;
	memcpy(arr, s, n);
	arr[n] = '\0';
	nelems = array_len_by_name(btf, arr);
	if (!nelems)
		return false;
	dc.name = idx;
	if (!scan_back(fl, l.line - 1, decl_line, &dc))
		dc.is_unsigned = false;
	ind = indent_of(l.text);
	snprintf(fix->description, sizeof(fix->description),
		 "bound '%s' by the %u elements of '%s'", idx, nelems, arr);
	if (dc.is_unsigned)
		return set_fix(fix, &l, 1, 1, "%.*sif (%s >= %u)\n%.*s\treturn %s;\n",
			       (int)ind, l.text, idx, nelems, (int)ind, l.text, pass);
	return set_fix(fix, &l, 1, 1, "%.*sif (%s < 0 || %s >= %u)\n%.*s\treturn %s;\n",
		       (int)ind, l.text, idx, idx, nelems, (int)ind, l.text, pass);
}

/* ---- (d) the release on a leaking path ---- */

struct release_of {
	const char *acquire;
	const char *release_fmt;   /* %s: the variable */
};

static const struct release_of releases[] = {
	{ "bpf_sk_lookup_tcp", "bpf_sk_release(%s);" },
	{ "bpf_sk_lookup_udp", "bpf_sk_release(%s);" },
	{ "bpf_skc_lookup_tcp", "bpf_sk_release(%s);" },
	{ "bpf_ringbuf_reserve", "bpf_ringbuf_discard(%s, 0);" },
	{ "bpf_task_acquire", "bpf_task_release(%s);" },
	{ "bpf_task_from_pid", "bpf_task_release(%s);" },
	{ "bpf_cgroup_acquire", "bpf_cgroup_release(%s);" },
	{ "bpf_cgroup_from_id", "bpf_cgroup_release(%s);" },
	{ NULL, NULL },
};

/* Is the '(' at p a call's (`f(`), not a statement's (`if (`) or a
 * grouping one? */
static bool is_call_paren(const char *text, const char *p)
{
	static const char *const kw[] = { "if", "while", "for", "switch", "return", NULL };
	const char *e = p, *s;

	while (e > text && isspace((unsigned char)e[-1]))
		e--;
	s = e;
	while (s > text && ident_char(s[-1]))
		s--;
	if (s == e)
		return false;
	for (size_t i = 0; kw[i]; i++)
		if ((size_t)(e - s) == strlen(kw[i]) && !strncmp(s, kw[i], (size_t)(e - s)))
			return false;
	return true;
}

/* Between the acquisition and the return: a NULL check of v (`!v`,
 * `v == NULL`, `if (v)`), and nothing that hands v to a call (which
 * could release it). */
static bool checked_not_released(const struct file_lines *fl, const char *file,
				 uint32_t from, uint32_t to, const char *name)
{
	char pat[IDENT_MAX + 16];
	bool null_checked = false;
	struct src_line l;
	const char *p;

	for (uint32_t n = from + 1; n < to; n++) {
		if (!file_line(fl, file, n, &l))
			return false;
		snprintf(pat, sizeof(pat), "!%s", name);
		if ((p = strstr(l.text, pat)) && !ident_char(p[strlen(pat)]))
			null_checked = true;
		snprintf(pat, sizeof(pat), "if (%s)", name);
		if (strstr(l.text, pat))
			null_checked = true;
		if ((p = find_word(l.text, name)) && strstr(p, "== NULL"))
			null_checked = true;
		for (p = find_word(l.text, name); p; p = find_word(p + 1, name)) {
			const char *q = p;

			while (q > l.text && isspace((unsigned char)q[-1]))
				q--;
			if (q > l.text && (q[-1] == ',' || (q[-1] == '(' && is_call_paren(l.text, q - 1))))
				return false;
		}
	}
	return null_checked;
}

static bool fix_release(const struct bvf_program *prog, const struct bv_result *res,
			struct bvf_fixit *fix)
{
	struct src_line acq, jmp, ret;
	char name[IDENT_MAX], fn[IDENT_MAX], release[IDENT_MAX + 32];
	const struct release_of *r;
	struct file_lines fl;
	const char *p, *semi;
	size_t ind;
	bool ok = false, split;

	if (!in_main(prog, res->cause.insn) || !in_main(prog, res->cause.path_insn) ||
	    !line_of(prog, res->cause.insn, &acq) || !parse_call_assignment(&acq, name, fn))
		return false;
	for (r = releases; r->acquire && strcmp(r->acquire, fn); r++)
		;
	if (!r->acquire)
		return false;
	/* the branch the leaking path took last: `if (…) return …;` on one
	 * line, or `if (…)` with the return on the next */
	if (!line_of(prog, res->cause.path_insn, &jmp) || strcmp(jmp.file, acq.file) ||
	    jmp.line <= acq.line || find_word(jmp.text + indent_of(jmp.text), "if") !=
	    jmp.text + indent_of(jmp.text))
		return false;
	if (!file_lines_load(prog, jmp.file, &fl))
		return false;
	split = !find_word(jmp.text, "return");
	if (split) {
		if (jmp.text[jmp.len - 1] != ')' || !balanced(jmp.text) ||
		    !file_line(&fl, jmp.file, jmp.line + 1, &ret) ||
		    find_word(ret.text, "return") != ret.text + indent_of(ret.text))
			goto out;
	} else {
		ret = jmp;
	}
	p = find_word(ret.text, "return");
	semi = strchr(p, ';');
	if (!semi || semi[1] || find_word(p + 1, "return") || !balanced(p) ||
	    find_word(p, name) || !checked_not_released(&fl, acq.file, acq.line, ret.line, name))
		goto out;
	snprintf(release, sizeof(release), r->release_fmt, name);
	snprintf(fix->description, sizeof(fix->description),
		 "release '%s' (acquired by %s()) before this return", name, fn);
	if (split) {
		ind = indent_of(jmp.text);
		ok = set_fix(fix, &jmp, (uint32_t)jmp.len + 1, (uint32_t)jmp.len + 1,
			     " {\n%.*s\t%s\n%.*s\t%.*s\n%.*s}", (int)ind, jmp.text, release,
			     (int)ind, jmp.text, (int)(semi - p + 1), p, (int)ind, jmp.text);
		fix->end_line = ret.line;
		fix->end_column = (uint32_t)ret.len + 1;
	} else {
		ok = set_fix(fix, &ret, (uint32_t)(p - ret.text) + 1,
			     (uint32_t)(semi - ret.text) + 2, "{ %s %.*s }", release,
			     (int)(semi - p + 1), p);
	}
out:
	file_lines_free(&fl);
	return ok;
}

bool bvf_fixit_for(const struct bvf_program *prog, const struct bv_result *res,
		   struct bvf_fixit *fix)
{
	struct file_lines fl;
	struct src_line at;
	const char *pass;
	int32_t where;
	bool ok = false;

	if (!prog || !res || !fix || res->verdict != BV_REJECT)
		return false;
	memset(fix, 0, sizeof(*fix));
	if (res->cause.kind == BV_CAUSE_LEAK)
		return fix_release(prog, res, fix) || (memset(fix, 0, sizeof(*fix)), false);
	/* the line the edit goes to: after the lookup, before the access */
	where = res->cause.kind == BV_CAUSE_NULLABLE ? res->cause.insn : res->insn;
	if (res->cause.kind == BV_CAUSE_NONE || !line_of(prog, where, &at) ||
	    !view_open(prog, at.file, &fl))
		return false;
	pass = pass_value(prog, &fl, at.line);
	if (pass) {   /* else no early exit is known for this program type */
		switch (res->cause.kind) {
		case BV_CAUSE_NULLABLE:
			ok = fix_null_check(prog, res, &at, pass, fix);
			break;
		case BV_CAUSE_PACKET_RANGE:
			ok = fix_packet_check(prog, res, &fl, &at, pass, fix);
			break;
		case BV_CAUSE_UNBOUNDED:
			ok = fix_index_bound(prog, res, &fl, &at, pass, fix);
			break;
		default:
			break;
		}
	}
	file_lines_free(&fl);
	if (!ok)
		memset(fix, 0, sizeof(*fix));
	return ok;
}
