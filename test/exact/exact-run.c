/*
 * exact-run - a tiny driver of the exact-mode engine (tools/bpfverify/exact.c):
 *     exact-run --probe PROFILE
 *     exact-run PROFILE OBJECT.o...
 * prints one JSON document {"kernel_release", "kernel_package", "results":
 * [{object, program, section, verdict, message, insn, insns_processed,
 * states, time_us, load_error}]}.  Exit: 0 done, 1 the engine's error
 * (printed), 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "exact.h"

static void add_str(cJSON *o, const char *k, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, k, v);
	else
		cJSON_AddNullToObject(o, k);
}

static void add_num(cJSON *o, const char *k, long v)
{
	if (v >= 0)
		cJSON_AddNumberToObject(o, k, (double)v);
	else
		cJSON_AddNullToObject(o, k);
}

int main(int argc, char **argv)
{
	struct bv_exact_report rep;
	char err[1024];
	cJSON *doc, *arr;
	char *text;
	size_t i;

	if (argc == 3 && !strcmp(argv[1], "--probe")) {
		if (bv_exact_available(argv[2], NULL, err, sizeof(err))) {
			printf("unavailable: %s\n", err);
			return 1;
		}
		printf("available\n");
		return 0;
	}
	if (argc < 3 || argv[1][0] == '-') {
		fprintf(stderr, "usage: exact-run PROFILE OBJECT.o... | exact-run --probe PROFILE\n");
		return 2;
	}
	if (bv_exact_verify(argv[1], (const char *const *)argv + 2, (size_t)argc - 2,
			    NULL, &rep, err, sizeof(err))) {
		fprintf(stderr, "exact-run: %s\n", err);
		return 1;
	}
	doc = cJSON_CreateObject();
	add_str(doc, "kernel_release", rep.kernel_release);
	add_str(doc, "kernel_package", rep.kernel_package);
	arr = cJSON_AddArrayToObject(doc, "results");
	for (i = 0; i < rep.n; i++) {
		const struct bv_exact_result *r = &rep.results[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "object", argv[2 + r->object]);
		add_str(o, "program", r->name);
		add_str(o, "section", r->section);
		cJSON_AddStringToObject(o, "verdict", bv_exact_verdict_name(r->verdict));
		add_str(o, "message", r->message);
		add_num(o, "insn", r->insn);
		add_num(o, "insns_processed", r->insns_processed);
		add_num(o, "states", r->states);
		add_num(o, "time_us", r->time_us);
		add_str(o, "load_error", r->load_error);
		cJSON_AddItemToArray(arr, o);
	}
	text = cJSON_Print(doc);
	printf("%s\n", text);
	free(text);
	cJSON_Delete(doc);
	bv_exact_report_free(&rep);
	return 0;
}
