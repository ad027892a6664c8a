/* const_str.c — helper arguments that must be constant strings
 * (ARG_PTR_TO_CONST_STR: bpf_snprintf's format, bpf_strncmp's second
 * string) and bpf_snprintf's format check at verification time.
 *
 * The kernel reads the string out of the map while verifying, so it must
 * live in a map the program cannot change (created BPF_F_RDONLY_PROG and
 * frozen: .rodata, .kconfig) at a constant offset, and end with a NUL
 * inside the value. The facade hands such maps' contents as
 * bv_map_desc.initial_value; without them the string cannot be read and
 * the core says so (verdict error).
 *
 * bpf_snprintf's format follows the kernel's bpf_bprintf_prepare rules:
 * printable ASCII text; conversions %d %i %u %x %X with optional l/ll, %c,
 * %s, %p (plain, K x s S B, ks us, i4 I4 i6 I6), each optionally with
 * "[0 +-]" flags and a width; "%%"; no more conversions than the data
 * array (R5 / 8) holds. (Newer kernels also let UTF-8 bytes through in
 * plain text; this follows the older rule and refuses them.)
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "state.h"
#include "tnum.h"

/* Direct value access: array maps of one element (global data sections). */
static bool has_direct_value(const struct bv_map_desc *m)
{
	return m->type == BV_MAP_TYPE_ARRAY;
}

int bv_check_const_str(struct bv_env *env, uint32_t regno)
{
	struct bv_reg *r = &bv_cur_regs(env)[regno];
	const struct bv_map_desc *m = r->map.map;
	int32_t idx = env->insn_idx;
	uint64_t map_off;
	int err;

	if (r->type != BV_PTR_TO_MAP_VALUE)
		return bv_reject(&env->log, idx, -EINVAL, "R%u is not a map value", regno);
	if (!m)
		return bv_unsupported(&env->log, idx, "constant string in a map without a description");
	if (!(m->rdonly_prog && m->frozen))
		return bv_reject(&env->log, idx, -EACCES,
				 "R%u does not point to a readonly map'", regno);
	if (!bv_tnum_is_const(r->s.var_off))
		return bv_reject(&env->log, idx, -EACCES,
				 "R%u is not a constant address'", regno);
	if (!has_direct_value(m))
		return bv_reject(&env->log, idx, -EACCES,
				 "no direct value access support for this map type");
	err = bv_check_helper_mem_access(env, regno, (int32_t)m->value_size - r->off, false,
					 BV_READ);
	if (err)
		return err;
	if (m->max_entries != 1)
		return bv_reject(&env->log, idx, -EINVAL, "direct value access on string failed");
	map_off = (uint64_t)(int64_t)r->off + r->s.var_off.value;
	if (!m->initial_value)
		return bv_unsupported(&env->log, idx,
				      "constant string in map '%s' whose contents are not known",
				      m->name ? m->name : "?");
	if (map_off >= m->value_size ||
	    !memchr((const char *)m->initial_value + map_off, 0, m->value_size - map_off))
		return bv_reject(&env->log, idx, -EINVAL, "string is not zero-terminated");
	return 0;
}

/* One bpf_bprintf_prepare pass without arguments: 0 or -EINVAL. */
static int check_format(const char *fmt, uint32_t num_args)
{
	uint32_t num_spec = 0;

	for (size_t i = 0; fmt[i]; i++) {
		unsigned char c = (unsigned char)fmt[i];

		if (!isascii(c) || (!isprint(c) && !isspace(c)))
			return -EINVAL;
		if (c != '%')
			continue;
		if (fmt[i + 1] == '%') {
			i++;
			continue;
		}
		if (num_spec >= num_args)
			return -EINVAL;
		i++;
		if (!isascii((unsigned char)fmt[i]))
			return -EINVAL;
		while (fmt[i] == '0' || fmt[i] == '+' || fmt[i] == '-' || fmt[i] == ' ')
			i++;
		if (fmt[i] >= '1' && fmt[i] <= '9') {
			i++;
			while (fmt[i] >= '0' && fmt[i] <= '9')
				i++;
		}
		if (fmt[i] == 'p') {
			char n = fmt[i + 1];

			if (n == 0 || isspace((unsigned char)n) || ispunct((unsigned char)n)) {
				num_spec++;
				continue;
			}
			if ((n == 'k' || n == 'u') && fmt[i + 2] == 's') {
				i += 2;
				if (fmt[i + 1] != 0 && !isspace((unsigned char)fmt[i + 1]) &&
				    !ispunct((unsigned char)fmt[i + 1]))
					return -EINVAL;
				num_spec++;
				continue;
			}
			if (n == 'K' || n == 'x' || n == 's' || n == 'S' || n == 'B') {
				i++;
				num_spec++;
				continue;
			}
			if ((n != 'i' && n != 'I') || (fmt[i + 2] != '4' && fmt[i + 2] != '6'))
				return -EINVAL;
			i += 2;
			num_spec++;
			continue;
		}
		if (fmt[i] == 's') {
			if (fmt[i + 1] != 0 && !isspace((unsigned char)fmt[i + 1]) &&
			    !ispunct((unsigned char)fmt[i + 1]))
				return -EINVAL;
			num_spec++;
			continue;
		}
		if (fmt[i] == 'c') {
			num_spec++;
			continue;
		}
		if (fmt[i] == 'l')
			i++;
		if (fmt[i] == 'l')
			i++;
		if (fmt[i] != 'i' && fmt[i] != 'd' && fmt[i] != 'u' && fmt[i] != 'x' &&
		    fmt[i] != 'X')
			return -EINVAL;
		num_spec++;
	}
	return 0;
}

int bv_check_snprintf_call(struct bv_env *env)
{
	struct bv_reg *regs = bv_cur_regs(env);
	const struct bv_reg *fmt_reg = &regs[3], *len_reg = &regs[5];
	const struct bv_map_desc *m = fmt_reg->map.map;
	int32_t idx = env->insn_idx;
	uint64_t off;

	/* the data is an array of u64; the kernel refuses a length that is
	 * not a multiple of 8 without a message */
	if (len_reg->s.var_off.value % 8)
		return bv_unsupported(&env->log, idx,
				      "bpf_snprintf data length %llu is not a multiple of 8 (the kernel refuses it without a message)",
				      (unsigned long long)len_reg->s.var_off.value);
	if (!m || !m->initial_value)
		return bv_unsupported(&env->log, idx, "bpf_snprintf format of unknown contents");
	off = (uint64_t)(int64_t)fmt_reg->off + fmt_reg->s.var_off.value;
	if (off >= m->value_size)
		return bv_unsupported(&env->log, idx, "bpf_snprintf format outside its map");
	if (check_format((const char *)m->initial_value + off,
			 (uint32_t)(len_reg->s.var_off.value / 8)))
		return bv_reject(&env->log, idx, -EINVAL, "Invalid format string");
	return 0;
}
