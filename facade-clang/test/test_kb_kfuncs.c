/* test_kb_kfuncs.c — kb_kfuncs.c against the shipped kernel profiles: the
 * kfunc facts each profile carries (flags, program types), prototypes read
 * from its BTF (argument and return kinds), kfuncs a kernel lacks or does
 * not offer a program type, and the families not modelled yet. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <bpf/btf.h>

#include "bpfverify/facade.h"
#include "bvf_internal.h"
#include "harness.h"
#include "kb_kfuncs.h"

static int func_id(const struct btf *btf, const char *name)
{
	return btf__find_by_name_kind(btf, name, BTF_KIND_FUNC);
}

static void test_kernel(const char *name, bool has_task_kfuncs)
{
	char err[256];
	struct bvf_kernel *k = bvf_kernel_open(name, err, sizeof(err));
	struct bvf_kfuncs *kf;
	struct bv_kfunc_desc d;
	struct btf *btf;
	int id;

	CHECK(k != NULL, "kernel %s: %s", name, err);
	if (!k)
		return;
	btf = bvf_kernel_btf(k, err, sizeof(err));
	kf = bvf_kfuncs_load(bvf_kernel_dir(k), err, sizeof(err));
	CHECK(btf && kf, "%s: BTF and kfuncs.json: %s", name, err);
	if (!btf || !kf)
		goto out;

	CHECK(bvf_kfunc_describe(kf, btf, BV_PROG_TYPE_TRACING, 1, &d) == -ENOENT ||
	      func_id(btf, "") == 1, "%s: a non-function id is -ENOENT", name);

	id = func_id(btf, "bpf_task_acquire");
	CHECK((id > 0) == has_task_kfuncs, "%s: bpf_task_acquire in BTF", name);
	if (id > 0) {
		CHECK(bvf_kfunc_describe(kf, btf, BV_PROG_TYPE_TRACING, id, &d) == 0 &&
		      d.allowed && !d.unsupported[0] &&
		      d.flags == (BV_KF_ACQUIRE | BV_KF_RCU | BV_KF_RET_NULL),
		      "%s: bpf_task_acquire flags %#x allowed %d %s", name, d.flags, d.allowed,
		      d.unsupported);
		CHECK(d.nargs == 1 && d.args[0].kind == BV_KF_ARG_BTF_ID &&
		      STREQ(d.args[0].type_name, "task_struct") && d.ret == BV_KF_RET_BTF_ID &&
		      d.ret_btf_id == d.args[0].btf_id,
		      "%s: bpf_task_acquire prototype", name);
		CHECK(bvf_kfunc_describe(kf, btf, BV_PROG_TYPE_KPROBE, id, &d) == 0 && !d.allowed,
		      "%s: bpf_task_acquire not for kprobes", name);
		id = func_id(btf, "bpf_task_from_pid");
		CHECK(id > 0 && bvf_kfunc_describe(kf, btf, BV_PROG_TYPE_SCHED_CLS, id, &d) == 0 &&
		      d.allowed && d.args[0].kind == BV_KF_ARG_SCALAR && d.args[0].size == 4,
		      "%s: bpf_task_from_pid for tc, s32 argument", name);
		id = func_id(btf, "bpf_rcu_read_lock");
		CHECK(id > 0 && bvf_kfunc_describe(kf, btf, BV_PROG_TYPE_KPROBE, id, &d) == 0 &&
		      d.allowed && d.nargs == 0 && d.ret == BV_KF_RET_VOID,
		      "%s: bpf_rcu_read_lock in the common set", name);
		/* iterators: the modelled ones described from BTF and the
		 * profile's KF_ITER_* flags, the others named as not modelled */
		id = func_id(btf, "bpf_iter_num_new");
		CHECK(id > 0 && bvf_kfunc_describe(kf, btf, BV_PROG_TYPE_TRACING, id, &d) == 0 &&
		      !d.unsupported[0] && (d.flags & BV_KF_ITER_NEW) && d.nargs == 3 &&
		      d.args[0].kind == BV_KF_ARG_ITER && d.args[0].size == 8 &&
		      !strcmp(d.args[0].type_name, "bpf_iter_num") &&
		      d.args[1].kind == BV_KF_ARG_SCALAR,
		      "%s: bpf_iter_num_new described: %s", name, d.unsupported);
		id = func_id(btf, "bpf_iter_num_next");
		CHECK(id > 0 && bvf_kfunc_describe(kf, btf, BV_PROG_TYPE_TRACING, id, &d) == 0 &&
		      !d.unsupported[0] && (d.flags & BV_KF_ITER_NEXT) &&
		      (d.flags & BV_KF_RET_NULL) && d.ret == BV_KF_RET_MEM && d.ret_size == 4,
		      "%s: bpf_iter_num_next returns read-only int memory: %s", name,
		      d.unsupported);
		id = func_id(btf, "bpf_iter_task_new");
		CHECK(id > 0 && bvf_kfunc_describe(kf, btf, BV_PROG_TYPE_TRACING, id, &d) == 0 &&
		      strstr(d.unsupported, "not modelled yet"),
		      "%s: task iterators named as not modelled: %s", name, d.unsupported);
	}
out:
	bvf_kfuncs_free(kf);
	bvf_kernel_close(k);
}

int main(void)
{
	test_kernel("6.18", true);
	test_kernel("6.12", true);
	test_kernel("6.1", false);
	CHECK(bvf_kfuncs_load("/nonexistent", (char[64]){ 0 }, 64) == NULL,
	      "a profile without kfuncs.json");
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
