/* verifier.c — bv_verify(), the driver: checks its arguments, then runs
 * the passes in the kernel's fixed order (instruction checks, CFG, the
 * path walk, the combined stack check) and ends the log with the kernel's
 * statistics line. Each pass reports through the log; the first failure
 * ends the run.
 */
#include "state.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_INSN_LIMIT 1000000
#define STACK_LIMIT 512

const char *bv_verdict_name(enum bv_verdict v)
{
	switch (v) {
	case BV_ACCEPT: return "accept";
	case BV_REJECT: return "reject";
	case BV_ERROR: return "error";
	case BV_LOAD_ERROR: return "load_error";
	default: return "?";
	}
}

static uint64_t now_us(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts))
		return 0;
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static void fail_args(struct bv_result *res, const char *why)
{
	res->verdict = BV_ERROR;
	res->insn = -1;
	snprintf(res->message, sizeof(res->message), "invalid arguments: %s", why);
}

/* The last facade field the core reads decides the minimum size. */
#define FACADE_MIN_SZ (offsetof(struct bv_facade, btf_type_name) + \
		       sizeof(((struct bv_facade *)0)->btf_type_name))
#define OPTS_MIN_SZ (offsetof(struct bv_opts, log_ctx) + sizeof(void *))

/* Stack sizes add up along a chain of calls (kernel:
 * check_max_stack_depth, with the JIT's 16-byte rounding). */
static int stack_chain(struct bv_env *env, uint32_t sp, uint32_t depth,
		       uint32_t frame)
{
	const struct bv_subprog *s = &env->info.subprogs[sp];
	uint32_t i;
	int err;

	err = bv_check_tail_call_stack(env, sp, depth);
	if (err)
		return err;
	/* the JIT's 16-byte rounding; older kernels round every frame to 32
	 * bytes, at least one */
	if (bv_kernel_has(env->f, BV_FEAT_STACK_ROUND_16))
		depth += (env->stack_depth[sp] + 15) / 16 * 16;
	else
		depth += (env->stack_depth[sp] ? env->stack_depth[sp] + 31 : 32) / 32 * 32;
	if (depth > STACK_LIMIT)
		return bv_reject(&env->log, -1, -EACCES,
				 "combined stack size of %u calls is %u. Too large",
				 frame + 1, depth);
	for (i = s->start; i < s->end && i < env->info.insn_cnt; i++) {
		const struct bv_insn *insn = &env->info.insns[i];
		int64_t target;
		int c;

		if (!bv_insn_is_pseudo_call(insn) || !env->aux[i].seen)
			continue;
		target = (int64_t)i + insn->imm + 1;
		if (target < 0 || target >= env->info.insn_cnt)
			continue;
		c = bv_subprog_at(&env->info, (uint32_t)target);
		if (c <= 0)
			continue;
		/* the call graph, not the walk: a cycle (recursion bounded by
		 * a constant, which the walk allowed) grows the chain */
		if (frame + 1 >= BV_MAX_CALL_FRAMES)
			return bv_reject(&env->log, -1, -E2BIG,
					 "the call stack of %u frames is too deep !", frame + 1);
		err = stack_chain(env, (uint32_t)c, depth, frame + 1);
		if (err)
			return err;
	}
	return 0;
}

static int check_max_stack_depth(struct bv_env *env)
{
	if (env->info.nr_subprogs <= 1)
		return 0;   /* one frame: the walk checked every access */
	return stack_chain(env, 0, 0, 0);
}

/* The path that failed, when no check explained it already. */
static void note_failing_path(struct bv_env *env)
{
	if (!env->cur || env->res->verdict != BV_REJECT || env->res->nr_notes)
		return;
	bv_note_path(env, 2);
}

int bv_verify(const struct bv_prog *prog, const struct bv_facade *facade,
	      const struct bv_opts *opts, struct bv_result *result)
{
	uint64_t start = now_us();
	struct bv_env *env;
	uint32_t limit;
	int err;

	if (!result)
		return -EINVAL;
	memset(result, 0, sizeof(*result));
	result->verdict = BV_ACCEPT;
	result->insn = -1;
	if (!prog || !facade) {
		fail_args(result, prog ? "no facade" : "no program");
		return -EINVAL;
	}
	if (facade->sz < FACADE_MIN_SZ) {
		fail_args(result, "facade too small (older bpfverify ABI)");
		return -EINVAL;
	}
	if (opts && opts->sz < OPTS_MIN_SZ) {
		fail_args(result, "options too small (older bpfverify ABI)");
		return -EINVAL;
	}
	limit = facade->insn_processed_limit ? facade->insn_processed_limit
					     : DEFAULT_INSN_LIMIT;
	if (!prog->insns || prog->insn_cnt == 0 || prog->insn_cnt > DEFAULT_INSN_LIMIT) {
		/* The kernel refuses such a load before verifying (E2BIG,
		 * empty log): no kernel line exists for it. */
		result->verdict = BV_REJECT;
		snprintf(result->message, sizeof(result->message),
			 "program has %u instructions: the kernel refuses the load (E2BIG) before verification",
			 prog->insns ? prog->insn_cnt : 0);
		return 0;
	}

	env = calloc(1, sizeof(*env));
	if (!env) {
		fail_args(result, "out of memory");
		return -ENOMEM;
	}
	env->f = facade;
	env->res = result;
	bv_log_init(&env->log, opts, result);

	err = bv_prog_info_init(&env->info, prog->insns, prog->insn_cnt);
	if (err) {
		bv_unsupported(&env->log, -1, "out of memory");
		goto out;
	}
	env->aux = calloc(prog->insn_cnt, sizeof(*env->aux));
	if (!env->aux) {
		err = bv_unsupported(&env->log, -1, "out of memory");
		goto out;
	}
	err = bv_check_insns(&env->info, facade, &env->log);
	if (err)
		goto out;
	err = bv_check_cfg(&env->info, facade, &env->log);
	if (err)
		goto out;
	if (bv_fastcall_mark(env)) {
		err = bv_unsupported(&env->log, -1, "out of memory");
		goto out;
	}
	err = bv_verify_program(env);
	if (err)
		goto out;
	bv_fastcall_drop_spills(env);
	err = check_max_stack_depth(env);
	/* fixup_kfunc_call: a reached call of an unresolved weak kfunc */
	if (!err && env->seen_unresolved_kfunc) {
		err = bv_reject(&env->log, -1, -EINVAL,
				"invalid kernel function call not eliminated in verifier pass");
		bv_note(&env->log, env->unresolved_kfunc_insn,
			"this call of a weak kfunc the kernel does not have (libbpf left it unresolved, id 0) is reachable: guard it with bpf_ksym_exists()");
	}
out:
	if (err && !bv_log_failed(&env->log))
		bv_unsupported(&env->log, env->insn_idx,
			       "internal error %d without a message", err);
	note_failing_path(env);
	/* the explored states are freed inside the timed part, as the
	 * kernel's free_states() is inside its verification_time */
	bv_explore_free(env);
	result->insns_processed = env->insn_processed;
	result->total_states = env->total_states;
	result->peak_states = env->peak_states;
	result->max_states_per_insn = env->max_states_per_insn;
	result->time_us = now_us() - start;
	if (env->log.level & BV_LOG_STATS) {
		uint32_t i;

		bv_log_printf(&env->log, "verification time %llu usec\n",
			      (unsigned long long)result->time_us);
		bv_log_printf(&env->log, "stack depth ");
		for (i = 0; i < env->info.nr_subprogs; i++)
			bv_log_printf(&env->log, "%u%s", env->stack_depth[i],
				      i + 1 < env->info.nr_subprogs ? "+" : "");
		bv_log_printf(&env->log, "\n");
	}
	bv_log_printf(&env->log,
		      "processed %u insns (limit %u) max_states_per_insn %u total_states %u peak_states %u mark_read 0\n",
		      env->insn_processed, limit, env->max_states_per_insn,
		      env->total_states, env->peak_states);
	bv_globals_free(env);
	bv_fastcall_free(env);
	bv_log_finish(&env->log);
	bv_prog_info_free(&env->info);
	free(env->aux);
	free(env);
	return 0;
}
