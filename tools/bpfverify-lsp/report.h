/* bpfverify's JSON report (docs/usage.md, "JSON results") turned into LSP
 * diagnostics for one document: one diagnostic per distinct rejection
 * (the same message at the same place for several kernels is one
 * diagnostic naming them all), notes as relatedInformation, and fix-its
 * as quick-fix code actions. */
#ifndef BVLSP_REPORT_H
#define BVLSP_REPORT_H

#include <cjson/cJSON.h>
#include "document.h"

/* Parses report (the plugin's standard output) for document d, whose text
 * was checked; sets *diags (array of Diagnostic) and *actions (array of
 * CodeAction). A report that is not JSON (the compile failed before the
 * plugin ran) gives empty arrays. related: the editor shows
 * relatedInformation; else the notes are lines of the message. */
void report_to_lsp(const char *report, const struct document *d, int related, cJSON **diags,
		   cJSON **actions);

/* The actions of d that apply to lines [first, last] (0-based). */
cJSON *report_actions_for(const struct document *d, long first, long last);

#endif
