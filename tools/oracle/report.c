/*
 * report.c - owns the JSON shape of bpfverify-oracle's results: one entry
 * per (program, kernel) in the results shape of INTERFACE.md plus the
 * oracle's own fields, always the same keys in the same order, null where a
 * fact does not apply, so the text is byte-stable apart from timings.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "oracle.h"
#include "report.h"

static const char *verdict_name(enum oracle_verdict v)
{
	switch (v) {
	case ORACLE_ACCEPT:
		return "accept";
	case ORACLE_REJECT:
		return "reject";
	default:
		return "load_error";
	}
}

static void add_str(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
	else
		cJSON_AddNullToObject(o, key);
}

static void add_num(cJSON *o, const char *key, long v)
{
	if (v >= 0)
		cJSON_AddNumberToObject(o, key, (double)v);
	else
		cJSON_AddNullToObject(o, key);
}

static void add_lines(cJSON *o, const char *key, char *const *v, size_t n)
{
	cJSON *a = cJSON_AddArrayToObject(o, key);
	size_t i;

	for (i = 0; a && i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
}

int oracle_report_add(cJSON *results, const struct oracle_report_env *env,
		      const char *object, const struct oracle_load *ld)
{
	struct oracle_log_facts f;
	bool verified = ld->verdict != ORACLE_LOAD_ERROR;
	cJSON *r;
	int err;

	err = oracle_log_parse(ld->log ? ld->log : "", &f);
	if (err)
		return err;
	r = cJSON_CreateObject();
	if (!r) {
		oracle_log_facts_free(&f);
		return -1;
	}
	add_str(r, "program", ld->program);
	add_str(r, "section", ld->section);
	add_str(r, "prog_type", ld->prog_type);
	add_str(r, "kernel", env->kernel);
	add_str(r, "verdict", verdict_name(ld->verdict));
	/* An accepted program's log has no error block; a few BTF notes
	 * printed before the walk are not messages. */
	add_str(r, "message", ld->verdict == ORACLE_REJECT ? f.message : NULL);
	add_num(r, "insn", ld->verdict == ORACLE_REJECT ? f.insn : -1);
	add_num(r, "insns_processed", verified ? f.insns_processed : -1);
	add_num(r, "states", verified ? f.states : -1);
	add_num(r, "time_us", env->timings && verified ? f.time_us : -1);
	cJSON_AddNumberToObject(r, "errno", ld->err);
	add_str(r, "kernel_release", env->kernel_release);
	add_str(r, "kernel_package", env->kernel_package);
	add_str(r, "load_error", ld->load_error);
	add_str(r, "object", object);
	add_lines(r, "loader_setup", ld->setup, ld->n_setup);
	add_lines(r, "libbpf_log", ld->libbpf_msgs, ld->n_libbpf_msgs);
	add_str(r, "log", env->raw_log ? ld->log : f.stable_log);
	oracle_log_facts_free(&f);
	cJSON_AddItemToArray(results, r);
	return 0;
}
