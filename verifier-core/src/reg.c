/* reg.c — one register's abstract value: marking it (unknown, constant,
 * pointer, uninitialised), classifying it, naming its type and printing it
 * the way the kernel's verifier log does, and visiting every register of a
 * state.
 */
#include "state.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static void reg_reset(struct bv_reg *r, bv_reg_type type, int32_t origin)
{
	memset(r, 0, sizeof(*r));
	r->type = type;
	r->origin = origin;
}

void bv_reg_mark_unknown(struct bv_reg *r, int32_t origin)
{
	reg_reset(r, BV_SCALAR, origin);
	bv_scalar_unknown(&r->s);
}

void bv_reg_mark_known(struct bv_reg *r, uint64_t v, int32_t origin)
{
	reg_reset(r, BV_SCALAR, origin);
	bv_scalar_const(&r->s, v);
}

void bv_reg_mark_not_init(struct bv_reg *r)
{
	/* An uninitialised register is also an unknown value, so that code
	 * reading its bounds by mistake stays sound. */
	reg_reset(r, BV_NOT_INIT, -1);
	bv_scalar_unknown(&r->s);
}

void bv_reg_mark_ptr(struct bv_reg *r, bv_reg_type type, int32_t origin)
{
	reg_reset(r, type, origin);
	bv_scalar_const(&r->s, 0);
}

bool bv_reg_is_pointer(const struct bv_reg *r)
{
	return r->type != BV_NOT_INIT && r->type != BV_SCALAR;
}

bool bv_reg_is_pkt_pointer(const struct bv_reg *r)
{
	uint32_t b = BV_BASE_TYPE(r->type);

	return b == BV_PTR_TO_PACKET || b == BV_PTR_TO_PACKET_META;
}

static const char *const base_names[BV_REG_BASE_MAX] = {
	[BV_NOT_INIT] = "?",
	[BV_SCALAR] = "scalar",
	[BV_PTR_TO_CTX] = "ctx",
	[BV_CONST_PTR_TO_MAP] = "map_ptr",
	[BV_PTR_TO_MAP_VALUE] = "map_value",
	[BV_PTR_TO_MAP_KEY] = "map_key",
	[BV_PTR_TO_STACK] = "fp",
	[BV_PTR_TO_PACKET_META] = "pkt_meta",
	[BV_PTR_TO_PACKET] = "pkt",
	[BV_PTR_TO_PACKET_END] = "pkt_end",
	[BV_PTR_TO_FLOW_KEYS] = "flow_keys",
	[BV_PTR_TO_SOCKET] = "sock",
	[BV_PTR_TO_SOCK_COMMON] = "sock_common",
	[BV_PTR_TO_TCP_SOCK] = "tcp_sock",
	[BV_PTR_TO_TP_BUFFER] = "tp_buffer",
	[BV_PTR_TO_XDP_SOCK] = "xdp_sock",
	[BV_PTR_TO_BTF_ID] = "ptr_",
	[BV_PTR_TO_MEM] = "mem",
	[BV_PTR_TO_ARENA] = "arena",
	[BV_PTR_TO_BUF] = "buf",
	[BV_PTR_TO_FUNC] = "func",
	[BV_CONST_PTR_TO_DYNPTR] = "dynptr_ptr",
};

/* Composition as in 6.18's reg_type_str: flag prefixes in a fixed order,
 * the base name, then "_or_null" ("or_null_" after "ptr_", where the BTF
 * type name follows). */
const char *bv_reg_type_str(const struct bv_env *env, bv_reg_type type,
			    char *buf, size_t size)
{
	uint32_t base = BV_BASE_TYPE(type);
	const char *name = base < BV_REG_BASE_MAX && base_names[base] ?
			   base_names[base] : "?";
	const char *postfix = "";

	if (type & BV_PTR_MAYBE_NULL)
		postfix = base == BV_PTR_TO_BTF_ID ? "or_null_" : "_or_null";
	snprintf(buf, size, "%s%s%s%s%s%s%s%s%s",
		 type & BV_MEM_RDONLY ? "rdonly_" : "",
		 !(type & BV_MEM_RINGBUF) ? "" :
		 /* older kernels: ring buffer memory is "allocated memory" */
		 env && !bv_kernel_has(env->f, BV_FEAT_RINGBUF_MEM_NAME) ? "alloc_" : "ringbuf_",
		 type & BV_MEM_USER ? "user_" : "",
		 type & BV_MEM_PERCPU ? "percpu_" : "",
		 type & BV_MEM_RCU ? "rcu_" : "",
		 type & BV_PTR_UNTRUSTED ? "untrusted_" : "",
		 type & BV_PTR_TRUSTED ? "trusted_" : "",
		 name, postfix);
	return buf;
}

/* Small numbers print in decimal, others in hex (kernel: verbose_snum). */
static int fmt_snum(char *buf, size_t size, int64_t v)
{
	if (v >= -512 && v <= 512)
		return snprintf(buf, size, "%" PRId64, v);
	return snprintf(buf, size, "%#" PRIx64, (uint64_t)v);
}

static int fmt_unum(char *buf, size_t size, uint64_t v)
{
	if (v <= 512)
		return snprintf(buf, size, "%" PRIu64, v);
	return snprintf(buf, size, "%#" PRIx64, v);
}

/* Appends to a bounded buffer, tracking the comma between fields. */
struct out {
	char *buf;
	size_t size, len;
	bool need_sep;
};

static void out_add(struct out *o, const char *text)
{
	size_t n = strlen(text);

	if (o->len + 1 >= o->size)
		return;
	if (n > o->size - o->len - 1)
		n = o->size - o->len - 1;
	memcpy(o->buf + o->len, text, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void out_field(struct out *o, const char *text)
{
	if (o->need_sep)
		out_add(o, ",");
	out_add(o, text);
	o->need_sep = true;
}

/* The ranges and var_off of the variable part, as bv_scalar_format prints
 * them inside "scalar(...)". */
static void out_ranges(struct out *o, const struct bv_scalar *s)
{
	char tmp[256];
	size_t n;

	bv_scalar_format(s, tmp, sizeof(tmp));
	if (strncmp(tmp, "scalar(", 7) != 0)
		return;
	n = strlen(tmp);
	if (n < 9)
		return;                  /* "scalar()": nothing known */
	tmp[n - 1] = '\0';
	out_field(o, tmp + 7);
}

int bv_reg_format(const struct bv_env *env, const struct bv_reg *r,
		  char *buf, size_t size)
{
	return bv_reg_format_in(env, r, env && env->cur ? env->cur->curframe : 0,
				buf, size);
}

int bv_reg_format_in(const struct bv_env *env, const struct bv_reg *r,
		     uint32_t frameno, char *buf, size_t size)
{
	struct out o = { buf, size, 0, false };
	uint32_t base = BV_BASE_TYPE(r->type);
	char tmp[128];

	if (!size)
		return 0;
	buf[0] = '\0';
	if (r->type == BV_SCALAR) {
		if (bv_scalar_is_const(&r->s) || !r->id)
			return bv_scalar_format(&r->s, buf, size);
		out_add(&o, "scalar(");
		if (r->id & BV_ID_ADD_CONST)
			snprintf(tmp, sizeof(tmp), "id=%u%+d", r->id & ~BV_ID_ADD_CONST, r->off);
		else
			snprintf(tmp, sizeof(tmp), "id=%u", r->id);
		out_field(&o, tmp);
		out_ranges(&o, &r->s);
		out_add(&o, ")");
		return (int)o.len;
	}
	out_add(&o, bv_reg_type_str(env, r->type, tmp, sizeof(tmp)));
	if (base == BV_PTR_TO_STACK) {
		if (r->frameno != frameno) {
			snprintf(tmp, sizeof(tmp), "[%u]", r->frameno);
			out_add(&o, tmp);
		}
		if (bv_tnum_is_const(r->s.var_off)) {
			fmt_snum(tmp, sizeof(tmp),
				 (int64_t)r->s.var_off.value + r->off);
			out_add(&o, tmp);
			return (int)o.len;
		}
	}
	if (base == BV_PTR_TO_BTF_ID && env && env->f->btf_type_name) {
		const char *n = env->f->btf_type_name(env->f->ctx, r->btf_id);

		out_add(&o, n ? n : "");
	}
	out_add(&o, "(");
	if (r->id) {
		snprintf(tmp, sizeof(tmp), "id=%u", r->id);
		out_field(&o, tmp);
	}
	if (r->ref_obj_id) {
		snprintf(tmp, sizeof(tmp), "ref_obj_id=%u", r->ref_obj_id);
		out_field(&o, tmp);
	}
	if ((base == BV_CONST_PTR_TO_MAP || base == BV_PTR_TO_MAP_VALUE ||
	     base == BV_PTR_TO_MAP_KEY) && r->map.map) {
		if (r->map.map->name && r->map.map->name[0]) {
			snprintf(tmp, sizeof(tmp), "map=%s", r->map.map->name);
			out_field(&o, tmp);
		}
		snprintf(tmp, sizeof(tmp), "ks=%u,vs=%u", r->map.map->key_size,
			 r->map.map->value_size);
		out_field(&o, tmp);
	}
	if (r->off) {
		out_field(&o, "off=");
		fmt_snum(tmp, sizeof(tmp), r->off);
		out_add(&o, tmp);
	}
	if (base == BV_PTR_TO_PACKET || base == BV_PTR_TO_PACKET_META) {
		out_field(&o, "r=");
		fmt_unum(tmp, sizeof(tmp), r->range);
		out_add(&o, tmp);
	}
	if (base == BV_PTR_TO_MEM) {
		out_field(&o, "sz=");
		fmt_unum(tmp, sizeof(tmp), r->mem_size);
		out_add(&o, tmp);
	}
	if (bv_tnum_is_const(r->s.var_off)) {
		if (r->s.var_off.value) {
			out_field(&o, "imm=");
			fmt_snum(tmp, sizeof(tmp), (int64_t)r->s.var_off.value);
			out_add(&o, tmp);
		}
	} else {
		out_ranges(&o, &r->s);
	}
	out_add(&o, ")");
	return (int)o.len;
}

void bv_for_each_reg(struct bv_state *st, void (*f)(struct bv_reg *r, void *arg),
		     void *arg)
{
	uint32_t i, j;

	for (i = 0; i <= st->curframe; i++) {
		struct bv_frame *fr = st->frame[i];

		if (!fr)
			continue;
		for (j = 0; j < BV_MAX_REG; j++)
			f(&fr->regs[j], arg);
		for (j = 0; j < fr->allocated_stack / BV_REG_SIZE; j++)
			if (fr->stack[j].slot_type[BV_REG_SIZE - 1] == BV_STACK_SPILL)
				f(&fr->stack[j].spilled_ptr, arg);
	}
}

/* A tnum as the kernel's tnum_strn prints it: "(0x2; 0x0)", or, in kernels
 * with the behaviour, a constant as its number ("2", "0xfffff"). */
int bv_tnum_str(const struct bv_env *env, struct bv_tnum t, char *buf, size_t size)
{
	if (t.mask || !bv_kernel_has(env->f, BV_FEAT_TNUM_CONST_NUMBER))
		return bv_tnum_format(t, buf, size);
	if (t.value <= 65535)   /* the kernel's is_unum_decimal */
		return snprintf(buf, size, "%llu", (unsigned long long)t.value);
	return snprintf(buf, size, "0x%llx", (unsigned long long)t.value);
}
