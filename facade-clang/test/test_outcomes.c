/* test_outcomes.c — several kernels, one diagnostic per distinct outcome
 * (outcomes.c): fake results for three kernels in, merged outcomes, note
 * tags and disagreement summaries out; and bvf_format_error's forms.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bvf_internal.h"
#include "outcomes_internal.h"

#include "harness.h"

static struct bvf_source_loc at(uint32_t line)
{
	struct bvf_source_loc l = { .file = "p.bpf.c", .line = line, .column = 5 };

	return l;
}

static void add(struct bvf_outcomes *o, const char *prog, const char *kernel,
		enum bv_verdict v, const char *msg, int32_t insn, uint32_t line,
		const struct bvf_outcome_note *notes, size_t nr_notes, uint32_t insns)
{
	struct bvf_outcome_input in = {
		.program = prog, .section = "kprobe/x", .kernel = kernel, .verdict = v,
		.message = msg, .insn = insn, .loc = at(line), .entry = at(10),
		.insns_processed = insns, .notes = notes, .nr_notes = nr_notes,
	};
	int err = bvf_outcomes_add_input(o, &in);

	CHECK(err == 0, "add %s %s: %d", prog, kernel, err);
}

/* The same rejection on every kernel: one outcome naming them all, no
 * summary. */
static void test_same_everywhere(void)
{
	struct bvf_outcomes *o = bvf_outcomes_new();
	struct bvf_outcome_note n = { .text = "R0 comes from here", .insn = 3, .loc = at(30) };
	const struct bvf_outcome *r;

	add(o, "p", "6.1", BV_REJECT, "R0 invalid mem access 'scalar'", 8, 34, &n, 1, 9);
	add(o, "p", "6.12", BV_REJECT, "R0 invalid mem access 'scalar'", 8, 34, &n, 1, 9);
	add(o, "p", "6.18", BV_REJECT, "R0 invalid mem access 'scalar'", 8, 34, &n, 1, 9);
	CHECK(bvf_outcomes_count(o) == 1, "count %zu", bvf_outcomes_count(o));
	r = bvf_outcomes_get(o, 0);
	CHECK(r && STREQ(r->text, "R0 invalid mem access 'scalar' [bpfverify: p, kernels 6.1, 6.12, 6.18]"),
	      "text %s", r ? r->text : "-");
	CHECK(r && r->nr_kernels == 3 && STREQ(r->kernels, "6.1, 6.12, 6.18"), "kernels");
	CHECK(r && r->insn == 8 && r->loc.line == 34 && STREQ(r->loc.file, "p.bpf.c"), "loc");
	CHECK(r && r->nr_notes == 1 && STREQ(r->notes[0].text, "R0 comes from here") &&
	      r->notes[0].loc.line == 30, "note");
	CHECK(bvf_outcomes_summary_count(o) == 0, "no summary");
	CHECK(bvf_outcomes_get(o, 1) == NULL, "past the end");
	bvf_outcomes_free(o);
}

/* Kernels disagree: accept on two, a rejection on one; the summary names
 * both, accepts first; one kernel keeps the singular. */
static void test_disagree(void)
{
	struct bvf_outcomes *o = bvf_outcomes_new();
	const struct bvf_outcome *r;
	const struct bvf_outcome_summary *s;

	add(o, "p", "6.1", BV_REJECT, "unknown func bpf_cgrp_storage_get#210", 4, 40, NULL, 0, 5);
	add(o, "p", "6.12", BV_ACCEPT, NULL, -1, 0, NULL, 0, 19);
	add(o, "p", "6.18", BV_ACCEPT, NULL, -1, 0, NULL, 0, 19);
	CHECK(bvf_outcomes_count(o) == 2, "count %zu", bvf_outcomes_count(o));
	r = bvf_outcomes_get(o, 0);
	CHECK(r && r->verdict == BV_REJECT &&
	      STREQ(r->text, "unknown func bpf_cgrp_storage_get#210 [bpfverify: p, kernel 6.1]"),
	      "reject %s", r ? r->text : "-");
	r = bvf_outcomes_get(o, 1);
	CHECK(r && r->verdict == BV_ACCEPT && r->message == NULL &&
	      STREQ(r->text, "accepted by kernels 6.12, 6.18 (19 insns processed)"),
	      "accept %s", r ? r->text : "-");
	CHECK(bvf_outcomes_summary_count(o) == 1, "one summary");
	s = bvf_outcomes_summary(o, 0);
	CHECK(s && STREQ(s->text, "kernels disagree on 'p': accepted by 6.12 and 6.18; rejected by 6.1: unknown func bpf_cgrp_storage_get#210"),
	      "summary %s", s ? s->text : "-");
	CHECK(s && STREQ(s->program, "p") && s->loc.line == 10, "summary at the entry");
	bvf_outcomes_free(o);
}

/* Same message at another instruction is another outcome; different
 * statistics on accepts are spelled out; notes only some kernels gave are
 * tagged; programs stay in the order first added. */
static void test_details(void)
{
	struct bvf_outcomes *o = bvf_outcomes_new();
	struct bvf_outcome_note common = { .text = "common", .insn = 1, .loc = at(11) };
	struct bvf_outcome_note only61 = { .text = "old path", .insn = 2, .loc = at(12) };
	struct bvf_outcome_note n61[] = { common, only61 };
	const struct bvf_outcome *r;
	const struct bvf_outcome_summary *s;

	add(o, "a", "6.1", BV_REJECT, "m", 5, 20, n61, 2, 6);
	add(o, "b", "6.1", BV_ACCEPT, NULL, -1, 0, NULL, 0, 10);
	add(o, "a", "6.12", BV_REJECT, "m", 5, 20, &common, 1, 6);
	add(o, "b", "6.12", BV_ACCEPT, NULL, -1, 0, NULL, 0, 12);
	add(o, "a", "6.18", BV_REJECT, "m", 7, 22, NULL, 0, 8);
	add(o, "b", "6.18", BV_LOAD_ERROR, "libbpf: prog 'b': BPF program load failed: Invalid argument",
	    -1, 10, NULL, 0, 0);
	CHECK(bvf_outcomes_count(o) == 4, "count %zu", bvf_outcomes_count(o));
	r = bvf_outcomes_get(o, 0);
	CHECK(r && STREQ(r->program, "a") && STREQ(r->kernels, "6.1, 6.12") && r->nr_notes == 2 &&
	      STREQ(r->notes[0].text, "common") && STREQ(r->notes[1].text, "old path [kernel 6.1]"),
	      "notes %s / %s", r && r->nr_notes > 0 ? r->notes[0].text : "-",
	      r && r->nr_notes > 1 ? r->notes[1].text : "-");
	r = bvf_outcomes_get(o, 1);
	CHECK(r && STREQ(r->program, "a") && r->insn == 7 && STREQ(r->text, "m [bpfverify: a, kernel 6.18]"),
	      "second outcome of a: %s", r ? r->text : "-");
	r = bvf_outcomes_get(o, 2);
	CHECK(r && STREQ(r->program, "b") &&
	      STREQ(r->text, "accepted by kernels 6.1, 6.12 (insns processed: 10 on 6.1, 12 on 6.12)"),
	      "b accept: %s", r ? r->text : "-");
	r = bvf_outcomes_get(o, 3);
	CHECK(r && r->verdict == BV_LOAD_ERROR &&
	      STREQ(r->text, "load fails before verification: libbpf: prog 'b': BPF program load failed: Invalid argument [bpfverify: b, kernel 6.18]"),
	      "b load error: %s", r ? r->text : "-");
	CHECK(bvf_outcomes_summary_count(o) == 2, "two summaries");
	s = bvf_outcomes_summary(o, 0);
	CHECK(s && STREQ(s->text, "kernels disagree on 'a': rejected by 6.1 and 6.12: m; rejected by 6.18: m"),
	      "a: %s", s ? s->text : "-");
	s = bvf_outcomes_summary(o, 1);
	CHECK(s && STREQ(s->text, "kernels disagree on 'b': accepted by 6.1 and 6.12; load fails on 6.18: libbpf: prog 'b': BPF program load failed: Invalid argument"),
	      "b: %s", s ? s->text : "-");
	bvf_outcomes_free(o);
}

static void test_errors_and_limits(void)
{
	struct bvf_outcomes *o = bvf_outcomes_new();
	const struct bvf_outcome *r;
	char name[16];
	int err = 0;

	add(o, "p", "6.1", BV_ERROR, "unsupported: helper x", -1, 0, NULL, 0, 0);
	add(o, "p", "6.18", BV_ERROR, "unsupported: helper x", -1, 0, NULL, 0, 0);
	r = bvf_outcomes_get(o, 0);
	CHECK(r && STREQ(r->text, "could not verify 'p' for kernels 6.1, 6.18: unsupported: helper x") &&
	      r->loc.line == 0, "error: %s", r ? r->text : "-");
	for (int i = 0; i < 70 && !err; i++) {
		struct bvf_outcome_input in = { .program = "q", .kernel = name, .verdict = BV_ACCEPT,
						.insn = -1 };

		snprintf(name, sizeof(name), "k%d", i);
		err = bvf_outcomes_add_input(o, &in);
	}
	CHECK(err == -E2BIG, "65th kernel: %d", err);
	CHECK(bvf_outcomes_add_input(o, NULL) == -EINVAL, "NULL input");
	CHECK(bvf_outcomes_add(NULL, NULL, NULL, NULL) == -EINVAL, "NULL add");
	bvf_outcomes_free(o);
	bvf_outcomes_free(NULL);
	CHECK(bvf_outcomes_count(NULL) == 0 && bvf_outcomes_summary_count(NULL) == 0, "NULL reads");
}

static void test_format(void)
{
	char buf[256];
	const char *got = buf;   /* STREQ wants a pointer */

	CHECK(bvf_format_outcome(buf, sizeof(buf), BV_REJECT, "msg", "p", "kernel 6.18") == 0 &&
	      STREQ(got, "msg [bpfverify: p, kernel 6.18]"), "reject %s", buf);
	CHECK(bvf_format_outcome(buf, sizeof(buf), BV_LOAD_ERROR, "libbpf: x", "p", "kernel 6.1") == 0 &&
	      STREQ(got, "load fails before verification: libbpf: x [bpfverify: p, kernel 6.1]"),
	      "load error %s", buf);
	CHECK(bvf_format_outcome(buf, sizeof(buf), BV_ERROR, "why", "p", "kernels 6.1, 6.18") == 0 &&
	      STREQ(got, "could not verify 'p' for kernels 6.1, 6.18: why"), "error %s", buf);
	CHECK(bvf_format_outcome(buf, 8, BV_REJECT, "msg", "p", "kernel 6.18") == -ENOSPC, "cut");
	CHECK(bvf_format_outcome(buf, sizeof(buf), BV_ACCEPT, NULL, "p", "kernel 6.18") == -EINVAL,
	      "accept");
}

int main(void)
{
	test_same_everywhere();
	test_disagree();
	test_details();
	test_errors_and_limits();
	test_format();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
