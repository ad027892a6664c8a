/* outcomes.c — several kernels, one diagnostic per distinct outcome
 * (bvf_outcomes_*, bvf.h): the plugin and the CLI verify each program for
 * each kernel and report what came out once, naming the kernels.
 *
 * An outcome is keyed by (program, verdict, message, instruction): the
 * same rejection on three kernels is one outcome "[bpfverify: p, kernels
 * 6.1, 6.12, 6.18]"; a different message, or the same message at another
 * instruction, is another outcome. Every accept of a program is one
 * outcome. A note is keyed by (text, instruction) within its outcome and
 * remembers which kernels gave it: one that all of the outcome's kernels
 * gave is shown as it is, one that only some gave carries their names.
 *
 * Everything is rebuilt for the outcome and program a result touches, as
 * it is added, so the getters are plain reads. Kernels are a bit set
 * (at most 64 per bvf_outcomes), in the order they were first added.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bvf_internal.h"
#include "diag_notes.h"
#include "outcomes_internal.h"

#define MAX_KERNELS 64

struct note_rec {
	char *raw;
	char *shown;
	char *file;
	struct bvf_outcome_note pub;
	uint64_t kmask;
};

struct group {
	struct bvf_outcome pub;
	size_t prog;                  /* index in progs */
	uint64_t kmask;
	char *message, *file, *kernels, *text;
	struct note_rec *notes;
	size_t nr_notes;
	struct bvf_outcome_note *pub_notes;
	uint32_t insns[MAX_KERNELS];  /* accept: insns processed per kernel */
	struct bvf_fixit fixit;       /* pub.fixit points here; file owned */
};

struct prog_rec {
	char *name, *section, *entry_file;
	struct bvf_source_loc entry;
	char *summary;
	struct bvf_outcome_summary pub;
};

struct bvf_outcomes {
	char *kernels[MAX_KERNELS];
	size_t nr_kernels;
	struct prog_rec *progs;
	size_t nr_progs;
	struct group **groups;        /* grouped by program, in order added */
	size_t nr_groups;
};

/* ---- small strings ---- */

__attribute__((format(printf, 1, 2)))
static char *str_fmt(const char *fmt, ...)
{
	va_list ap, ap2;
	char *s;
	int n;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		va_end(ap2);
		return NULL;
	}
	s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return s;
}

static char *str_dup(const char *s)
{
	return s ? str_fmt("%s", s) : NULL;
}

static bool str_same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Appends `s` to the growing string *buf (NULL: nothing yet). */
static int str_add(char **buf, const char *s)
{
	size_t have = *buf ? strlen(*buf) : 0, add = strlen(s);
	char *nb = realloc(*buf, have + add + 1);

	if (!nb)
		return -ENOMEM;
	memcpy(nb + have, s, add + 1);
	*buf = nb;
	return 0;
}

static int popcount(uint64_t m)
{
	int n = 0;

	for (; m; m &= m - 1)
		n++;
	return n;
}

/* The kernels of `mask`, in the order added: "6.1, 6.12" (sep ", ") or
 * "6.1, 6.12 and 6.18" (last " and "). */
static char *kernel_list(const struct bvf_outcomes *o, uint64_t mask, const char *last)
{
	int left = popcount(mask);
	char *s = NULL;

	for (size_t i = 0; i < o->nr_kernels; i++) {
		if (!(mask & (1ull << i)))
			continue;
		if (s && str_add(&s, left == 1 ? last : ", "))
			goto nomem;
		if (str_add(&s, o->kernels[i]))
			goto nomem;
		left--;
	}
	return s ? s : str_dup("");
nomem:
	free(s);
	return NULL;
}

/* "kernel 6.18" or "kernels 6.1, 6.12". */
static char *kernel_phrase(const struct bvf_outcomes *o, uint64_t mask)
{
	char *list = kernel_list(o, mask, ", ");
	char *s;

	if (!list)
		return NULL;
	s = str_fmt("%s %s", popcount(mask) == 1 ? "kernel" : "kernels", list);
	free(list);
	return s;
}

int bvf_format_outcome(char *buf, size_t size, enum bv_verdict v, const char *message,
		       const char *program, const char *kernels)
{
	int n;

	if (!buf || !size)
		return -EINVAL;
	buf[0] = '\0';
	if (!message)
		message = "";
	if (!program)
		program = "?";
	if (!kernels)
		kernels = "kernel ?";
	switch (v) {
	case BV_REJECT:
		n = snprintf(buf, size, "%s [bpfverify: %s, %s]", message, program, kernels);
		break;
	case BV_LOAD_ERROR:
		n = snprintf(buf, size, "load fails before verification: %s [bpfverify: %s, %s]",
			     message, program, kernels);
		break;
	case BV_ERROR:
		n = snprintf(buf, size, "could not verify '%s' for %s: %s", program, kernels,
			     message);
		break;
	default:
		return -EINVAL;
	}
	if (n < 0)
		return -EINVAL;
	return (size_t)n >= size ? -ENOSPC : 0;
}

/* ---- building ---- */

struct bvf_outcomes *bvf_outcomes_new(void)
{
	return calloc(1, sizeof(struct bvf_outcomes));
}

static void free_group(struct group *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->nr_notes; i++) {
		free(g->notes[i].raw);
		free(g->notes[i].shown);
		free(g->notes[i].file);
	}
	free(g->notes);
	free(g->pub_notes);
	free(g->message);
	free(g->file);
	free((char *)g->fixit.file);
	free(g->kernels);
	free(g->text);
	free(g);
}

void bvf_outcomes_free(struct bvf_outcomes *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->nr_kernels; i++)
		free(o->kernels[i]);
	for (size_t i = 0; i < o->nr_progs; i++) {
		free(o->progs[i].name);
		free(o->progs[i].section);
		free(o->progs[i].entry_file);
		free(o->progs[i].summary);
	}
	free(o->progs);
	for (size_t i = 0; i < o->nr_groups; i++)
		free_group(o->groups[i]);
	free(o->groups);
	free(o);
}

static int kernel_index(struct bvf_outcomes *o, const char *name)
{
	for (size_t i = 0; i < o->nr_kernels; i++)
		if (strcmp(o->kernels[i], name) == 0)
			return (int)i;
	if (o->nr_kernels == MAX_KERNELS)
		return -E2BIG;
	o->kernels[o->nr_kernels] = str_dup(name);
	if (!o->kernels[o->nr_kernels])
		return -ENOMEM;
	return (int)o->nr_kernels++;
}

static int prog_index(struct bvf_outcomes *o, const struct bvf_outcome_input *in)
{
	struct prog_rec *np, *p;

	for (size_t i = 0; i < o->nr_progs; i++)
		if (str_same(o->progs[i].name, in->program) &&
		    str_same(o->progs[i].section, in->section))
			return (int)i;
	np = realloc(o->progs, (o->nr_progs + 1) * sizeof(*np));
	if (!np)
		return -ENOMEM;
	o->progs = np;
	p = &o->progs[o->nr_progs];
	memset(p, 0, sizeof(*p));
	p->name = str_dup(in->program ? in->program : "?");
	p->section = str_dup(in->section ? in->section : "");
	p->entry_file = str_dup(in->entry.file);
	if (!p->name || !p->section || (in->entry.file && !p->entry_file)) {
		free(p->name);
		free(p->section);
		free(p->entry_file);
		return -ENOMEM;
	}
	if (in->entry.line) {
		p->entry.file = p->entry_file;
		p->entry.line = in->entry.line;
		p->entry.column = in->entry.column;
	}
	return (int)o->nr_progs++;
}

static bool group_matches(const struct group *g, size_t prog, const struct bvf_outcome_input *in)
{
	if (g->prog != prog || g->pub.verdict != in->verdict)
		return false;
	if (in->verdict == BV_ACCEPT)
		return true;
	return g->pub.insn == in->insn && str_same(g->message, in->message ? in->message : "");
}

/* A new, empty outcome placed after the last one of its program. */
static struct group *new_group(struct bvf_outcomes *o, size_t prog,
			       const struct bvf_outcome_input *in)
{
	struct group **ng, *g = calloc(1, sizeof(*g));
	size_t at;

	if (!g)
		return NULL;
	g->prog = prog;
	g->pub.verdict = in->verdict;
	g->pub.insn = in->verdict == BV_ACCEPT ? -1 : in->insn;
	if (in->verdict != BV_ACCEPT) {
		g->message = str_dup(in->message ? in->message : "");
		if (!g->message)
			goto nomem;
		if (in->loc.line) {
			g->file = str_dup(in->loc.file);
			if (in->loc.file && !g->file)
				goto nomem;
			g->pub.loc.file = g->file;
			g->pub.loc.line = in->loc.line;
			g->pub.loc.column = in->loc.column;
		}
		if (in->fixit && in->fixit->file) {
			g->fixit = *in->fixit;
			g->fixit.file = str_dup(in->fixit->file);
			if (!g->fixit.file)
				goto nomem;
			g->pub.fixit = &g->fixit;
		}
	}
	ng = realloc(o->groups, (o->nr_groups + 1) * sizeof(*ng));
	if (!ng)
		goto nomem;
	o->groups = ng;
	/* programs are numbered in the order first added: keep them sorted */
	for (at = 0; at < o->nr_groups && o->groups[at]->prog <= prog; at++)
		;
	memmove(&o->groups[at + 1], &o->groups[at], (o->nr_groups - at) * sizeof(*ng));
	o->groups[at] = g;
	o->nr_groups++;
	return g;
nomem:
	free_group(g);
	return NULL;
}

static int add_note(struct group *g, const struct bvf_outcome_note *n, uint64_t bit)
{
	struct note_rec *nn, *r;
	const char *text = n->text ? n->text : "";

	for (size_t i = 0; i < g->nr_notes; i++) {
		if (g->notes[i].pub.insn == n->insn && strcmp(g->notes[i].raw, text) == 0) {
			g->notes[i].kmask |= bit;
			return 0;
		}
	}
	nn = realloc(g->notes, (g->nr_notes + 1) * sizeof(*nn));
	if (!nn)
		return -ENOMEM;
	g->notes = nn;
	r = &g->notes[g->nr_notes];
	memset(r, 0, sizeof(*r));
	r->raw = str_dup(text);
	r->file = n->loc.line ? str_dup(n->loc.file) : NULL;
	if (!r->raw || (n->loc.line && n->loc.file && !r->file)) {
		free(r->raw);
		free(r->file);
		return -ENOMEM;
	}
	r->pub.insn = n->insn;
	if (n->loc.line) {
		r->pub.loc.file = r->file;
		r->pub.loc.line = n->loc.line;
		r->pub.loc.column = n->loc.column;
	}
	r->kmask = bit;
	g->nr_notes++;
	return 0;
}

/* The accept line's statistics: "19 insns processed" when every kernel
 * processed as many, else "insns processed: 19 on 6.12, 21 on 6.18". */
static char *accept_stats(const struct bvf_outcomes *o, const struct group *g)
{
	bool same = true;
	uint32_t first = 0;
	bool have = false;
	char *s = NULL, part[128];

	for (size_t i = 0; i < o->nr_kernels; i++) {
		if (!(g->kmask & (1ull << i)))
			continue;
		if (have && g->insns[i] != first)
			same = false;
		if (!have)
			first = g->insns[i];
		have = true;
	}
	if (same)
		return str_fmt("%u insns processed", first);
	for (size_t i = 0; i < o->nr_kernels; i++) {
		if (!(g->kmask & (1ull << i)))
			continue;
		snprintf(part, sizeof(part), "%s%u on %s", s ? ", " : "insns processed: ",
			 g->insns[i], o->kernels[i]);
		if (str_add(&s, part)) {
			free(s);
			return NULL;
		}
	}
	return s;
}

static int render_group(const struct bvf_outcomes *o, struct group *g)
{
	const struct prog_rec *p = &o->progs[g->prog];
	struct bvf_outcome_note *pn;
	char *phrase, *stats;

	free(g->kernels);
	free(g->text);
	g->text = NULL;
	g->kernels = kernel_list(o, g->kmask, ", ");
	phrase = kernel_phrase(o, g->kmask);
	if (!g->kernels || !phrase) {
		free(phrase);
		return -ENOMEM;
	}
	if (g->pub.verdict == BV_ACCEPT) {
		stats = accept_stats(o, g);
		g->text = stats ? str_fmt("accepted by %s (%s)", phrase, stats) : NULL;
		free(stats);
	} else {
		size_t size = strlen(g->message) + strlen(p->name) + strlen(phrase) + 96;

		g->text = malloc(size);
		if (g->text && bvf_format_outcome(g->text, size, g->pub.verdict, g->message,
						  p->name, phrase) < 0) {
			free(g->text);
			g->text = NULL;
		}
	}
	free(phrase);
	if (!g->text)
		return -ENOMEM;

	pn = realloc(g->pub_notes, (g->nr_notes ? g->nr_notes : 1) * sizeof(*pn));
	if (!pn)
		return -ENOMEM;
	g->pub_notes = pn;
	for (size_t i = 0; i < g->nr_notes; i++) {
		struct note_rec *r = &g->notes[i];

		free(r->shown);
		if (r->kmask == g->kmask) {
			r->shown = str_dup(r->raw);
		} else {
			char *tag = kernel_phrase(o, r->kmask);

			r->shown = tag ? str_fmt("%s [%s]", r->raw, tag) : NULL;
			free(tag);
		}
		if (!r->shown)
			return -ENOMEM;
		r->pub.text = r->shown;
		pn[i] = r->pub;
	}

	g->pub.program = p->name;
	g->pub.section = p->section;
	g->pub.message = g->pub.verdict == BV_ACCEPT ? NULL : g->message;
	g->pub.kernels = g->kernels;
	g->pub.nr_kernels = (size_t)popcount(g->kmask);
	g->pub.text = g->text;
	g->pub.notes = g->pub_notes;
	g->pub.nr_notes = g->nr_notes;
	return 0;
}

/* "kernels disagree on 'p': accepted by 6.12 and 6.18; rejected by 6.1: M"
 * when the program has more than one outcome; NULL summary otherwise. */
static int render_summary(struct bvf_outcomes *o, size_t prog)
{
	struct prog_rec *p = &o->progs[prog];
	size_t n = 0;
	char *s = NULL;
	bool first = true;
	int pass;

	free(p->summary);
	p->summary = NULL;
	for (size_t i = 0; i < o->nr_groups; i++)
		n += o->groups[i]->prog == prog;
	if (n < 2)
		return 0;
	s = str_fmt("kernels disagree on '%s': ", p->name);
	if (!s)
		return -ENOMEM;
	/* accepts first: what works where, then what fails where */
	for (pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < o->nr_groups; i++) {
			struct group *g = o->groups[i];
			const char *verb;
			char *list, *part;

			if (g->prog != prog || (pass == 0) != (g->pub.verdict == BV_ACCEPT))
				continue;
			switch (g->pub.verdict) {
			case BV_ACCEPT:
				verb = "accepted by";
				break;
			case BV_REJECT:
				verb = "rejected by";
				break;
			case BV_LOAD_ERROR:
				verb = "load fails on";
				break;
			default:
				verb = "not verified for";
				break;
			}
			list = kernel_list(o, g->kmask, " and ");
			if (!list)
				goto nomem;
			part = g->pub.verdict == BV_ACCEPT
				       ? str_fmt("%s%s %s", first ? "" : "; ", verb, list)
				       : str_fmt("%s%s %s: %s", first ? "" : "; ", verb, list,
						 g->message);
			first = false;
			free(list);
			if (!part || str_add(&s, part)) {
				free(part);
				goto nomem;
			}
			free(part);
		}
	}
	p->summary = s;
	p->pub.program = p->name;
	p->pub.text = p->summary;
	p->pub.loc = p->entry;
	return 0;
nomem:
	free(s);
	return -ENOMEM;
}

int bvf_outcomes_add_input(struct bvf_outcomes *o, const struct bvf_outcome_input *in)
{
	struct group *g = NULL;
	uint64_t bit;
	int ki, pi, err;

	if (!o || !in || !in->kernel)
		return -EINVAL;
	ki = kernel_index(o, in->kernel);
	if (ki < 0)
		return ki;
	pi = prog_index(o, in);
	if (pi < 0)
		return pi;
	bit = 1ull << ki;
	for (size_t i = 0; i < o->nr_groups && !g; i++)
		if (group_matches(o->groups[i], (size_t)pi, in))
			g = o->groups[i];
	if (!g) {
		g = new_group(o, (size_t)pi, in);
		if (!g)
			return -ENOMEM;
	}
	g->kmask |= bit;
	g->insns[ki] = in->insns_processed;
	for (size_t i = 0; i < in->nr_notes; i++) {
		err = add_note(g, &in->notes[i], bit);
		if (err)
			return err;
	}
	err = render_group(o, g);
	if (err)
		return err;
	return render_summary(o, (size_t)pi);
}

int bvf_outcomes_add(struct bvf_outcomes *o, const struct bvf_program *prog,
		     const struct bvf_kernel *k, const struct bv_result *res)
{
	struct bvf_note_list notes;
	struct bvf_outcome_input in;
	struct bvf_fixit fix;

	if (!o || !prog || !k || !res)
		return -EINVAL;
	memset(&in, 0, sizeof(in));
	in.program = bvf_program_name(prog);
	in.section = bvf_program_section(prog);
	in.kernel = bvf_kernel_name(k);
	in.verdict = res->verdict;
	in.insns_processed = res->insns_processed;
	in.entry = bvf_insn_loc(prog, 0);
	if (res->verdict != BV_ACCEPT) {
		char msg[BV_MSG_MAX + 1];

		memcpy(msg, res->message, BV_MSG_MAX);
		msg[BV_MSG_MAX] = '\0';
		in.message = msg;
		in.insn = res->insn;
		in.loc = bvf_insn_loc(prog, res->insn);
		/* A load error or a program that could not be verified,
		 * without an instruction: the program's entry. */
		if (res->verdict != BV_REJECT && !in.loc.line)
			in.loc = in.entry;
		bvf_result_notes(prog, res, &notes);
		in.notes = notes.notes;
		in.nr_notes = notes.nr;
		if (bvf_fixit_for(prog, res, &fix))
			in.fixit = &fix;
		return bvf_outcomes_add_input(o, &in);
	}
	in.insn = -1;
	return bvf_outcomes_add_input(o, &in);
}

/* ---- reading ---- */

size_t bvf_outcomes_count(const struct bvf_outcomes *o)
{
	return o ? o->nr_groups : 0;
}

const struct bvf_outcome *bvf_outcomes_get(const struct bvf_outcomes *o, size_t i)
{
	return o && i < o->nr_groups ? &o->groups[i]->pub : NULL;
}

size_t bvf_outcomes_summary_count(const struct bvf_outcomes *o)
{
	size_t n = 0;

	for (size_t i = 0; o && i < o->nr_progs; i++)
		n += o->progs[i].summary != NULL;
	return n;
}

const struct bvf_outcome_summary *bvf_outcomes_summary(const struct bvf_outcomes *o, size_t i)
{
	for (size_t j = 0; o && j < o->nr_progs; j++) {
		const struct prog_rec *p = &o->progs[j];

		if (p->summary && i-- == 0)
			return &p->pub;
	}
	return NULL;
}
