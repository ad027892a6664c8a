/* externs.c — the values of an object's extern variables on one target
 * kernel, resolved as libbpf resolves them when it loads the object
 * (libbpf 1.1, the loader of the oracle), in libbpf's order:
 *
 *  1. kconfig externs libbpf computes itself: LINUX_KERNEL_VERSION (the
 *     profile's `uname -r` parsed as major.minor.patch), LINUX_HAS_BPF_COOKIE
 *     (libbpf probes a program calling bpf_get_attach_cookie: true when the
 *     kernel's enum bpf_func_id has that helper) and LINUX_HAS_SYSCALL_WRAPPER
 *     (libbpf probes a kprobe on __x64_sys_bpf: true when the kernel has that
 *     symbol, i.e. CONFIG_ARCH_HAS_SYSCALL_WRAPPER, and kprobe events,
 *     CONFIG_KPROBE_EVENTS); any other LINUX_ name
 *     must be weak (then 0), anything else is refused;
 *  2. CONFIG_* externs from the kernel's config (the profile's config.zst),
 *     typed by libbpf's rules: y/n/m need bool, tristate or char; strings
 *     need a char array (cut to its size); numbers need an integer or char
 *     that holds them;
 *  3. typeless ksyms (`extern const void x __ksym`) from kallsyms (the
 *     profile's symbol list): an address;
 *  4. (facade.c: kfuncs) typed ksyms from the kernel's BTF: a VAR of that
 *     name whose type is the object's kind for kind (ksyms.c), which the
 *     kernel then finds in kallsyms;
 *  5. a strong extern still unset fails the load; a weak one is 0.
 * Each failure is a load error worded as libbpf's first warning.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>

#include "bpfverify/bvdb.h"
#include "bvf_internal.h"
#include "externs.h"
#include "ksyms.h"

/* Kernel text addresses stand in for the real ones (unknowable from a
 * profile): nonzero, distinct, in the kernel's half. */
#define KSYM_FAKE_BASE 0xffffffff81000000ull

static void load_error(struct bv_result *res, const char *fmt, const char *name,
		       const char *value)
{
	static const char prefix[] = "libbpf: ";

	memset(res, 0, sizeof(*res));
	res->verdict = BV_LOAD_ERROR;
	res->insn = -1;
	memcpy(res->message, prefix, sizeof(prefix));
	snprintf(res->message + sizeof(prefix) - 1, sizeof(res->message) - sizeof(prefix) + 1,
		 fmt, name, value);
}

static void fail(struct bv_result *res, const char *fmt, const char *a, const char *b)
{
	memset(res, 0, sizeof(*res));
	res->verdict = BV_ERROR;
	res->insn = -1;
	snprintf(res->message, sizeof(res->message), fmt, a, b);
}

static bool has_prefix(const char *s, const char *pfx)
{
	return strncmp(s, pfx, strlen(pfx)) == 0;
}

/* libbpf's is_kcfg_value_in_range */
static bool fits(const struct bvf_extern_var *x, uint64_t v)
{
	unsigned bits = x->size * 8;

	if (x->size >= 8)
		return true;
	if (x->is_signed)
		return v + (1ull << (bits - 1)) < (1ull << bits);
	return (v >> bits) == 0;
}

static void store(uint8_t *p, uint32_t size, uint64_t v)
{
	/* little-endian target (x86-64 profiles) */
	for (uint32_t i = 0; i < size && i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* libbpf's set_kcfg_value_num; `shown` is how the value is printed. */
static bool set_num(const struct bvf_extern_var *x, uint8_t *p, uint64_t v, struct bv_result *res)
{
	char num[32];

	snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
	if (x->kcfg_type != BVF_KCFG_INT && x->kcfg_type != BVF_KCFG_CHAR &&
	    x->kcfg_type != BVF_KCFG_BOOL) {
		load_error(res, "extern (kcfg) '%s': value '%s' implies integer, char, or boolean type",
			   x->name, num);
		return false;
	}
	if (x->kcfg_type == BVF_KCFG_BOOL && v > 1) {
		load_error(res, "extern (kcfg) '%s': value '%s' isn't boolean compatible", x->name, num);
		return false;
	}
	if (x->kcfg_type != BVF_KCFG_BOOL && !fits(x, v)) {
		char msg[96];

		snprintf(msg, sizeof(msg), "extern (kcfg) '%%s': value '%%s' doesn't fit in %u bytes",
			 x->size);
		load_error(res, msg, x->name, num);
		return false;
	}
	store(p, x->size, v);
	return true;
}

/* One "CONFIG_X=value" line of the kernel config for extern x. */
static bool set_from_config(const struct bvf_extern_var *x, uint8_t *p, const char *value,
			    struct bv_result *res)
{
	switch (value[0]) {
	case 'y':
	case 'n':
	case 'm': {
		char c[2] = { value[0], 0 };

		if (x->kcfg_type == BVF_KCFG_BOOL) {
			if (c[0] == 'm') {
				load_error(res, "extern (kcfg) '%s': value '%s' implies tristate or char type",
					   x->name, c);
				return false;
			}
			p[0] = c[0] == 'y';
		} else if (x->kcfg_type == BVF_KCFG_TRISTATE) {
			store(p, x->size, c[0] == 'y' ? 1 : c[0] == 'm' ? 2 : 0);
		} else if (x->kcfg_type == BVF_KCFG_CHAR) {
			p[0] = (uint8_t)c[0];
		} else {
			load_error(res, "extern (kcfg) '%s': value '%s' implies bool, tristate, or char type",
				   x->name, c);
			return false;
		}
		return true;
	}
	case '"': {
		size_t len = strlen(value);

		if (x->kcfg_type != BVF_KCFG_CHAR_ARR) {
			load_error(res, "extern (kcfg) '%s': value '%s' implies char array type",
				   x->name, value);
			return false;
		}
		if (len < 2 || value[len - 1] != '"') {
			load_error(res, "extern (kcfg) '%s': invalid string config '%s'", x->name, value);
			return false;
		}
		len -= 2;
		if (x->size == 0)
			return true;
		if (len >= x->size)
			len = x->size - 1;  /* libbpf warns and cuts */
		memcpy(p, value + 1, len);
		p[len] = 0;
		return true;
	}
	default: {
		char *end;
		unsigned long long v;

		errno = 0;
		v = strtoull(value, &end, 0);
		if (errno || end == value || *end) {
			load_error(res, "extern (kcfg) '%s': value '%s' isn't a valid integer",
				   x->name, value);
			return false;
		}
		if (x->kcfg_type != BVF_KCFG_INT && x->kcfg_type != BVF_KCFG_CHAR) {
			load_error(res, "extern (kcfg) '%s': value '%s' implies integer type",
				   x->name, value);
			return false;
		}
		return set_num(x, p, v, res);
	}
	}
}

/* Is `name` a line of the newline-separated list? */
static bool list_has(const char *list, size_t len, const char *name)
{
	size_t n = strlen(name);
	const char *p = list, *end = list + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (l == n && memcmp(p, name, n) == 0)
			return true;
		p += l + 1;
	}
	return false;
}

/* The value of CONFIG_X in the config text, into buf; false if unset. */
static bool config_value(const char *cfg, size_t len, const char *name, char *buf, size_t size)
{
	size_t n = strlen(name);
	const char *p = cfg, *end = cfg + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (l > n + 1 && memcmp(p, name, n) == 0 && p[n] == '=') {
			size_t vl = l - n - 1;

			if (vl >= size)
				vl = size - 1;
			memcpy(buf, p + n + 1, vl);
			buf[vl] = 0;
			return vl > 0;
		}
		p += l + 1;
	}
	return false;
}

static int enum_has(const struct bvf_kernel *k, const char *enum_name, const char *val_name)
{
	const struct bvdb_btf *b = bvf_kernel_view(k, NULL, 0);
	int id = b ? bvf_kernel_enum_id(k, enum_name) : -1;
	const struct btf_type *t = id > 0 ? bvdb_btf__type_by_id(b, (uint32_t)id) : NULL;

	if (!t || !btf_is_enum(t))
		return -1;
	for (uint16_t i = 0; i < btf_vlen(t); i++) {
		const char *n = bvdb_btf__str(b, btf_enum(t)[i].name_off);

		if (n && strcmp(n, val_name) == 0)
			return 1;
	}
	return 0;
}

void bvf_externs_free(struct bvf_extern_values *v)
{
	free(v->kconfig);
	free(v->ksym_addr);
	free(v->ksym_btf_id);
	free(v->is_set);
	memset(v, 0, sizeof(*v));
}

bool bvf_externs_resolve(const struct bvf_program *prog, const struct bvf_kernel *k,
			 struct bvf_extern_values *v, struct bv_result *res)
{
	const struct bvf_object *obj = bvf_program_object(prog);
	const struct bvf_extern_var *xs;
	int kmap;
	size_t n = bvf_object_extern_vars(obj, &xs, &kmap);
	const struct bv_map_desc *maps;
	uint32_t nr_maps;
	char *cfg = NULL, *syms = NULL;
	size_t cfg_len = 0, syms_len = 0;
	bool need_config = false, need_syms = false, ok = false;
	char err[256];

	memset(v, 0, sizeof(*v));
	if (!n)
		return true;
	maps = bvf_program_maps(prog, &nr_maps);
	v->is_set = calloc(n, sizeof(*v->is_set));
	v->ksym_addr = calloc(n, sizeof(*v->ksym_addr));
	v->ksym_btf_id = calloc(n, sizeof(*v->ksym_btf_id));
	if (kmap >= 0 && (uint32_t)kmap < nr_maps) {
		v->kconfig_size = maps[kmap].value_size;
		v->kconfig = calloc(1, v->kconfig_size + 1);
	}
	if (!v->is_set || !v->ksym_addr || !v->ksym_btf_id || (kmap >= 0 && !v->kconfig)) {
		fail(res, "%s%s: out of memory", "externs", "");
		goto out;
	}
	/* 1. libbpf's own values */
	for (size_t i = 0; i < n; i++) {
		const struct bvf_extern_var *x = &xs[i];
		uint64_t val = 0;

		if (!x->kconfig) {
			if (x->type_id)
				continue;   /* typed: step 4 */
			need_syms = true;
			continue;
		}
		if (has_prefix(x->name, "CONFIG_")) {
			need_config = true;
			continue;
		}
		if (strcmp(x->name, "LINUX_KERNEL_VERSION") == 0) {
			val = bvf_kernel_version(k);
			if (!val) {
				load_error(res, "extern (kcfg) '%s': failed to get kernel version%s",
					   x->name, "");
				goto out;
			}
		} else if (strcmp(x->name, "LINUX_HAS_BPF_COOKIE") == 0) {
			int has = enum_has(k, "bpf_func_id", "BPF_FUNC_get_attach_cookie");

			if (has < 0) {
				fail(res, "extern '%s': the kernel profile's BTF has no enum bpf_func_id%s",
				     x->name, "");
				goto out;
			}
			val = (uint64_t)has;
		} else if (strcmp(x->name, "LINUX_HAS_SYSCALL_WRAPPER") == 0) {
			need_config = true;  /* decided below, from symbols or config */
			continue;
		} else if (!has_prefix(x->name, "LINUX_") || !x->weak) {
			load_error(res, "extern (kcfg) '%s': unrecognized virtual extern%s", x->name, "");
			goto out;
		}
		if (!set_num(x, v->kconfig + x->data_off, val, res))
			goto out;
		v->is_set[i] = true;
	}
	if (need_config) {
		cfg = bvf_kernel_read_file(k, "config", &cfg_len, err, sizeof(err));
		if (!cfg) {
			fail(res, "the kernel profile has no config, which the object's kconfig externs need: %s%s",
			     err, "");
			goto out;
		}
	}
	if (need_syms || need_config) {
		syms = bvf_kernel_read_file(k, "symbols", &syms_len, err, sizeof(err));
		if (!syms && need_syms) {
			fail(res, "the kernel profile has no symbol list, which the object's ksyms need: %s%s",
			     err, "");
			goto out;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct bvf_extern_var *x = &xs[i];

		if (x->kconfig && strcmp(x->name, "LINUX_HAS_SYSCALL_WRAPPER") == 0) {
			char val[8];
			bool has = syms && bvf_kernel_symbols_complete(k) ?
				list_has(syms, syms_len, "__x64_sys_bpf") :
				config_value(cfg, cfg_len, "CONFIG_ARCH_HAS_SYSCALL_WRAPPER", val,
					     sizeof(val)) && val[0] == 'y';

			/* libbpf's probe opens a kprobe perf event on that
			 * symbol: a kernel without kprobe events (the live 6.18
			 * build: no CONFIG_KPROBES) fails it, and the extern is 0 */
			if (!config_value(cfg, cfg_len, "CONFIG_KPROBE_EVENTS", val, sizeof(val)) ||
			    val[0] != 'y')
				has = false;

			if (!set_num(x, v->kconfig + x->data_off, has, res))
				goto out;
			v->is_set[i] = true;
		}
	}
	/* 2. the kernel config, in the externs' order (libbpf reads the file
	 * in its order: the first bad line wins; profiles keep Kconfig's
	 * order, which is close enough for objects with one bad extern) */
	for (size_t i = 0; i < n && need_config; i++) {
		const struct bvf_extern_var *x = &xs[i];
		char val[200];

		if (!x->kconfig || v->is_set[i] || !has_prefix(x->name, "CONFIG_"))
			continue;
		if (!config_value(cfg, cfg_len, x->name, val, sizeof(val)))
			continue;
		if (!set_from_config(x, v->kconfig + x->data_off, val, res))
			goto out;
		v->is_set[i] = true;
	}
	/* 3. typeless ksyms */
	for (size_t i = 0; i < n; i++) {
		const struct bvf_extern_var *x = &xs[i];

		if (x->kconfig || x->type_id)
			continue;
		if (list_has(syms, syms_len, x->name)) {
			v->ksym_addr[i] = KSYM_FAKE_BASE + 0x1000ull * (i + 1);
			v->is_set[i] = true;
		} else if (!bvf_kernel_symbols_complete(k)) {
			fail(res, "ksym '%s': not in the kernel profile's symbol list, which holds only the exported symbols of %s: cannot tell whether libbpf finds it in kallsyms",
			     x->name, bvf_kernel_name(k));
			goto out;
		}
	}
	ok = true;
out:
	free(cfg);
	free(syms);
	return ok;
}

/* 1: kallsyms of kernel k lists `name`; 0: it does not; -1: cannot tell. A
 * profile built from a package lists the exported symbols only; a kernel
 * built with CONFIG_KALLSYMS_ALL lists every variable its BTF names. */
static int ksym_in_kallsyms(const struct bvf_kernel *k, const char *name)
{
	size_t len = 0;
	char err[128], val[8];
	char *syms, *cfg;
	int found;

	if (!bvf_kernel_symbols_complete(k)) {
		cfg = bvf_kernel_read_file(k, "config", &len, err, sizeof(err));
		found = cfg && config_value(cfg, len, "CONFIG_KALLSYMS_ALL", val, sizeof(val)) &&
			val[0] == 'y' ? 1 : -1;
		free(cfg);
		return found;
	}
	syms = bvf_kernel_read_file(k, "symbols", &len, err, sizeof(err));
	if (!syms)
		return -1;
	found = list_has(syms, len, name);
	free(syms);
	return found;
}

bool bvf_externs_finish(const struct bvf_program *prog, const struct bvf_kernel *k,
			struct bvf_extern_values *v, struct bv_result *res)
{
	const struct bvf_extern_var *xs;
	size_t n = bvf_object_extern_vars(bvf_program_object(prog), &xs, NULL);
	const struct btf *obj_btf = bvf_program_btf(prog);
	struct btf *kbtf = NULL;

	/* 4. typed ksyms: a VAR of the kernel's BTF */
	for (size_t i = 0; i < n; i++) {
		const struct bvf_extern_var *x = &xs[i];
		char msg[BV_MSG_MAX - 16];
		int id, in_kallsyms;

		if (x->kconfig || !x->type_id)
			continue;
		if (!kbtf && !(kbtf = bvf_kernel_btf(k, NULL, 0))) {
			fail(res, "typed ksym '%s' needs the kernel profile's BTF%s", x->name, "");
			return false;
		}
		id = btf__find_by_name_kind(kbtf, x->name, BTF_KIND_VAR);
		if (id < 0) {
			if (x->weak)
				continue;   /* ld_imm64 of 0 */
			load_error(res, "extern (var ksym) '%s': not found in kernel BTF%s", x->name, "");
			return false;
		}
		if (!obj_btf) {
			fail(res, "typed ksym '%s': the object has no BTF%s", x->name, "");
			return false;
		}
		if (bvf_ksym_incompatible(obj_btf, x->type_id, kbtf, (uint32_t)id, x->name, msg,
					  sizeof(msg))) {
			load_error(res, "%s%s", msg, "");
			return false;
		}
		/* The kernel resolves the variable's address with kallsyms when
		 * it meets the ld_imm64 (resolve_pseudo_ldimm64, before the
		 * walk): a variable kallsyms does not list (data symbols need
		 * CONFIG_KALLSYMS_ALL) is refused there. */
		in_kallsyms = ksym_in_kallsyms(k, x->name);
		if (in_kallsyms == 0) {
			snprintf(msg, sizeof(msg),
				 "ldimm64 failed to find the address for kernel symbol '%s'.", x->name);
			memset(res, 0, sizeof(*res));
			res->verdict = BV_REJECT;
			res->insn = -1;
			snprintf(res->message, sizeof(res->message), "%s", msg);
			return false;
		}
		if (in_kallsyms < 0) {
			fail(res, "typed ksym '%s': the kernel profile %s lists no kallsyms and no CONFIG_KALLSYMS_ALL: cannot tell whether the kernel finds its address",
			     x->name, bvf_kernel_name(k));
			return false;
		}
		v->ksym_btf_id[i] = (uint32_t)id;
		v->is_set[i] = true;
	}
	/* 5. strong externs left unset */
	for (size_t i = 0; i < n; i++) {
		const struct bvf_extern_var *x = &xs[i];

		if (v->is_set && !v->is_set[i] && !x->weak && (x->kconfig || !x->type_id)) {
			load_error(res, "extern '%s' (strong): not resolved%s", x->name, "");
			return false;
		}
	}
	return true;
}
