/* disasm.c — one instruction as the Linux 6.18 verifier log prints it:
 * the text after "N: " of a log line ("(b7) r0 = 0",
 * "(85) call bpf_map_lookup_elem#1", "(61) r2 = *(u32 *)(r1 +0)").
 *
 * The formats are the kernel's (kernel/bpf/disasm.c), observed in real
 * logs. Two divergences, both because the core knows no kernel objects:
 *   - ld_imm64 of a map prints "map[id:N]" (and "map[id:N][0]+OFF" for a
 *     map value) where N is our map index; the kernel prints the map's
 *     kernel address (or 0x0 to unprivileged users);
 *   - helper names come from the caller's callback; without one (or for
 *     an id it does not know) the kernel's fallback "unknown#N" is printed,
 *     and kfunc calls print "kernel-function#ID".
 */
#include <stdarg.h>
#include <stdio.h>

#include "prog.h"

/* Appends to a bounded buffer, counting what would have been written. */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, const char *fmt, ...) BV_PRINTF(2, 3);

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(o->len < o->size ? o->buf + o->len : NULL,
		      o->len < o->size ? o->size - o->len : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n;
}

/* The kernel's printf prints "(null)" for a missing table entry; these
 * tables keep that for opcodes that are not valid. */
static const char *str_or_null(const char *s)
{
	return s ? s : "(null)";
}

static const char *alu_op_str(uint8_t op, bool is_signed)
{
	static const char *const ops[16] = {
		[BV_ADD >> 4] = "+=", [BV_SUB >> 4] = "-=", [BV_MUL >> 4] = "*=",
		[BV_DIV >> 4] = "/=", [BV_OR >> 4] = "|=", [BV_AND >> 4] = "&=",
		[BV_LSH >> 4] = "<<=", [BV_RSH >> 4] = ">>=", [BV_NEG >> 4] = "neg",
		[BV_MOD >> 4] = "%=", [BV_XOR >> 4] = "^=", [BV_MOV >> 4] = "=",
		[BV_ARSH >> 4] = "s>>=", [BV_END >> 4] = "endian",
	};
	static const char *const sops[16] = {
		[BV_DIV >> 4] = "s/=", [BV_MOD >> 4] = "s%=",
	};

	return str_or_null(is_signed ? sops[op >> 4] : ops[op >> 4]);
}

static const char *jmp_op_str(uint8_t op)
{
	static const char *const ops[16] = {
		[BV_JA >> 4] = "jmp", [BV_JEQ >> 4] = "==", [BV_JGT >> 4] = ">",
		[BV_JLT >> 4] = "<", [BV_JGE >> 4] = ">=", [BV_JLE >> 4] = "<=",
		[BV_JSET >> 4] = "&", [BV_JNE >> 4] = "!=", [BV_JSGT >> 4] = "s>",
		[BV_JSLT >> 4] = "s<", [BV_JSGE >> 4] = "s>=", [BV_JSLE >> 4] = "s<=",
		[BV_CALL >> 4] = "call", [BV_EXIT >> 4] = "exit",
	};

	return str_or_null(ops[op >> 4]);
}

static const char *size_str(uint8_t code, bool sign_ext)
{
	static const char *const u[4] = { "u32", "u16", "u8", "u64" };
	static const char *const s[4] = { "s32", "s16", "s8", NULL };

	return str_or_null(sign_ext ? s[BV_SIZE(code) >> 3] : u[BV_SIZE(code) >> 3]);
}

static void format_alu(struct out *o, const struct bv_insn *insn)
{
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);
	char r = cls == BV_ALU ? 'w' : 'r';
	bool is_signed = (op == BV_DIV || op == BV_MOD) && insn->off == 1;

	if (op == BV_END) {
		if (cls == BV_ALU64)
			put(o, "(%02x) r%d = bswap%d r%d", insn->code, insn->dst_reg,
			    insn->imm, insn->dst_reg);
		else
			put(o, "(%02x) r%d = %s%d r%d", insn->code, insn->dst_reg,
			    BV_SRC(insn->code) == BV_TO_BE ? "be" : "le", insn->imm,
			    insn->dst_reg);
	} else if (op == BV_NEG) {
		put(o, "(%02x) %c%d = -%c%d", insn->code, r, insn->dst_reg, r, insn->dst_reg);
	} else if (insn->code == (BV_ALU64 | BV_MOV | BV_X) && insn->off == 1) {
		put(o, "(%02x) r%d = addr_space_cast(r%d, %u, %u)", insn->code,
		    insn->dst_reg, insn->src_reg, (uint32_t)insn->imm >> 16,
		    (unsigned)(uint16_t)insn->imm);
	} else if (BV_SRC(insn->code) == BV_X) {
		const char *cast = "";

		if (op == BV_MOV) {
			if (insn->off == 8)
				cast = "(s8)";
			else if (insn->off == 16)
				cast = "(s16)";
			else if (insn->off == 32)
				cast = "(s32)";
		}
		put(o, "(%02x) %c%d %s %s%c%d", insn->code, r, insn->dst_reg,
		    alu_op_str(op, is_signed), cast, r, insn->src_reg);
	} else {
		put(o, "(%02x) %c%d %s %d", insn->code, r, insn->dst_reg,
		    alu_op_str(op, is_signed), insn->imm);
	}
}

static void format_atomic(struct out *o, const struct bv_insn *insn)
{
	static const char *const names[16] = {
		[BV_ADD >> 4] = "add", [BV_AND >> 4] = "and",
		[BV_OR >> 4] = "or", [BV_XOR >> 4] = "xor",
	};
	const char *width = BV_SIZE(insn->code) == BV_DW ? "64" : "";
	const char *sz = size_str(insn->code, false);
	int32_t imm = insn->imm;

	if (imm == BV_ADD || imm == BV_AND || imm == BV_OR || imm == BV_XOR) {
		put(o, "(%02x) lock *(%s *)(r%d %+d) %s r%d", insn->code, sz,
		    insn->dst_reg, insn->off, alu_op_str((uint8_t)imm, false),
		    insn->src_reg);
	} else if (imm == (BV_ADD | BV_FETCH) || imm == (BV_AND | BV_FETCH) ||
		   imm == (BV_OR | BV_FETCH) || imm == (BV_XOR | BV_FETCH)) {
		put(o, "(%02x) r%d = atomic%s_fetch_%s((%s *)(r%d %+d), r%d)",
		    insn->code, insn->src_reg, width, names[(imm & 0xf0) >> 4], sz,
		    insn->dst_reg, insn->off, insn->src_reg);
	} else if (imm == BV_CMPXCHG) {
		put(o, "(%02x) r0 = atomic%s_cmpxchg((%s *)(r%d %+d), r0, r%d)",
		    insn->code, width, sz, insn->dst_reg, insn->off, insn->src_reg);
	} else if (imm == BV_XCHG) {
		put(o, "(%02x) r%d = atomic%s_xchg((%s *)(r%d %+d), r%d)", insn->code,
		    insn->src_reg, width, sz, insn->dst_reg, insn->off, insn->src_reg);
	} else if (imm == BV_LOAD_ACQ) {
		put(o, "(%02x) r%d = load_acquire((%s *)(r%d %+d))", insn->code,
		    insn->dst_reg, sz, insn->src_reg, insn->off);
	} else if (imm == BV_STORE_REL) {
		put(o, "(%02x) store_release((%s *)(r%d %+d), r%d)", insn->code, sz,
		    insn->dst_reg, insn->off, insn->src_reg);
	} else {
		put(o, "BUG_%02x", insn->code);
	}
}

static void format_ld(struct out *o, const struct bv_insn *insn)
{
	uint8_t mode = BV_MODE(insn->code);

	if (mode == BV_ABS) {
		put(o, "(%02x) r0 = *(%s *)skb[%d]", insn->code,
		    size_str(insn->code, false), insn->imm);
	} else if (mode == BV_IND) {
		put(o, "(%02x) r0 = *(%s *)skb[r%d + %d]", insn->code,
		    size_str(insn->code, false), insn->src_reg, insn->imm);
	} else if (bv_insn_is_ldimm64(insn)) {
		/* the caller guarantees insn[1], as the kernel does */
		uint64_t imm = ((uint64_t)(uint32_t)insn[1].imm << 32) | (uint32_t)insn->imm;

		switch (insn->src_reg) {
		case BV_PSEUDO_MAP_FD:
		case BV_PSEUDO_MAP_IDX:
			put(o, "(%02x) r%d = map[id:%d]", insn->code, insn->dst_reg, insn->imm);
			break;
		case BV_PSEUDO_MAP_VALUE:
		case BV_PSEUDO_MAP_IDX_VALUE:
			put(o, "(%02x) r%d = map[id:%d][0]+%u", insn->code, insn->dst_reg,
			    insn->imm, (uint32_t)insn[1].imm);
			break;
		default:
			put(o, "(%02x) r%d = 0x%llx", insn->code, insn->dst_reg,
			    (unsigned long long)imm);
		}
	} else {
		put(o, "BUG_ld_%02x", insn->code);
	}
}

static void format_jmp(struct out *o, const struct bv_insn *insn,
		       const char *(*helper_name)(void *ctx, int32_t id), void *ctx)
{
	uint8_t cls = BV_CLASS(insn->code), op = BV_OP(insn->code);
	char r = cls == BV_JMP32 ? 'w' : 'r';

	if (op == BV_CALL) {
		const char *name = NULL;

		if (insn->src_reg == BV_PSEUDO_CALL) {
			put(o, "(%02x) call pc%+d", insn->code, insn->imm);
			return;
		}
		if (insn->src_reg == 0 && helper_name)
			name = helper_name(ctx, insn->imm);
		if (!name)
			name = insn->src_reg == BV_PSEUDO_KFUNC_CALL ? "kernel-function" : "unknown";
		put(o, "(%02x) call %s#%d", insn->code, name, insn->imm);
	} else if (insn->code == (BV_JMP | BV_JA)) {
		put(o, "(%02x) goto pc%+d", insn->code, insn->off);
	} else if (insn->code == (BV_JMP | BV_JCOND) && insn->src_reg == 0) {
		put(o, "(%02x) may_goto pc%+d", insn->code, insn->off);
	} else if (insn->code == (BV_JMP32 | BV_JA)) {
		put(o, "(%02x) gotol pc%+d", insn->code, insn->imm);
	} else if (insn->code == (BV_JMP | BV_EXIT)) {
		put(o, "(%02x) exit", insn->code);
	} else if (BV_SRC(insn->code) == BV_X) {
		put(o, "(%02x) if %c%d %s %c%d goto pc%+d", insn->code, r, insn->dst_reg,
		    jmp_op_str(op), r, insn->src_reg, insn->off);
	} else {
		put(o, "(%02x) if %c%d %s 0x%x goto pc%+d", insn->code, r, insn->dst_reg,
		    jmp_op_str(op), (uint32_t)insn->imm, insn->off);
	}
}

int bv_insn_format_ex(const struct bv_insn *insn,
		      const char *(*helper_name)(void *ctx, int32_t id),
		      void *ctx, char *buf, size_t size)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };

	if (buf && size)
		buf[0] = '\0';
	switch (BV_CLASS(insn->code)) {
	case BV_ALU:
	case BV_ALU64:
		format_alu(&o, insn);
		break;
	case BV_STX:
		if (BV_MODE(insn->code) == BV_MEM)
			put(&o, "(%02x) *(%s *)(r%d %+d) = r%d", insn->code,
			    size_str(insn->code, false), insn->dst_reg, insn->off,
			    insn->src_reg);
		else if (BV_MODE(insn->code) == BV_ATOMIC)
			format_atomic(&o, insn);
		else
			put(&o, "BUG_%02x", insn->code);
		break;
	case BV_ST:
		if (BV_MODE(insn->code) == BV_MEM)
			put(&o, "(%02x) *(%s *)(r%d %+d) = %d", insn->code,
			    size_str(insn->code, false), insn->dst_reg, insn->off, insn->imm);
		else if (BV_MODE(insn->code) == 0xc0)   /* the kernel's internal nospec */
			put(&o, "(%02x) nospec", insn->code);
		else
			put(&o, "BUG_st_%02x", insn->code);
		break;
	case BV_LDX:
		if (BV_MODE(insn->code) != BV_MEM && BV_MODE(insn->code) != BV_MEMSX)
			put(&o, "BUG_ldx_%02x", insn->code);
		else
			put(&o, "(%02x) r%d = *(%s *)(r%d %+d)", insn->code, insn->dst_reg,
			    size_str(insn->code, BV_MODE(insn->code) == BV_MEMSX),
			    insn->src_reg, insn->off);
		break;
	case BV_LD:
		format_ld(&o, insn);
		break;
	case BV_JMP:
	case BV_JMP32:
		format_jmp(&o, insn, helper_name, ctx);
		break;
	}
	return (int)o.len;
}

int bv_insn_format(const struct bv_insn *insn, char *buf, size_t size)
{
	return bv_insn_format_ex(insn, NULL, NULL, buf, size);
}
