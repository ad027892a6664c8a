/* test_bvdb.c — unit tests of btf-db's library: decompression of each
 * supported format, synthetic bzImages and .debs imported end to end,
 * truncated and corrupt inputs, absurd sizes, determinism, the name index
 * and profile reading. Inputs are made here, in memory or in a temp dir. */
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <lz4.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include "../../facade-clang/test/harness.h"
#include "bvdb_internal.h"

static char tmpdir[] = "/tmp/bvdb-test.XXXXXX";

struct buf {
	unsigned char *p;
	size_t len;
};

static void put(struct buf *b, const void *d, size_t n)
{
	b->p = realloc(b->p, b->len + n + 1);
	memcpy(b->p + b->len, d, n);
	b->len += n;
}

static void put32(struct buf *b, uint32_t v)
{
	unsigned char x[4] = { v, v >> 8, v >> 16, v >> 24 };

	put(b, x, 4);
}

/* A small raw BTF: int, struct task_struct { int pid; }, its flavor, a
 * typedef, a function. */
static struct buf small_btf(void)
{
	struct btf *b = btf__new_empty();
	struct buf out = { 0 };
	const void *raw;
	uint32_t sz;
	int i, s, fp;

	i = btf__add_int(b, "int", 4, BTF_INT_SIGNED);
	s = btf__add_struct(b, "task_struct", 4);
	btf__add_field(b, "pid", i, 0, 0);
	btf__add_struct(b, "task_struct___v2", 4);
	btf__add_field(b, "pid", i, 0, 0);
	btf__add_typedef(b, "task_struct", s);
	fp = btf__add_func_proto(b, i);
	btf__add_func(b, "task_struct", BTF_FUNC_GLOBAL, fp);
	btf__add_struct(b, "task_struct___", 0);
	raw = btf__raw_data(b, &sz);
	put(&out, raw, sz);
	btf__free(b);
	return out;
}

/* ELF64 with sections .shstrtab, .BTF and __ksymtab_strings, and a
 * "Linux version REL (...)" banner in .rodata. */
static struct buf small_elf(const struct buf *btf, const char *rel)
{
	static const char shstr[] = "\0.shstrtab\0.BTF\0__ksymtab_strings\0.rodata";
	static const char ksyms[] = "vfs_read\0bpf_map_lookup_elem\0vfs_read\0";
	char banner[200];
	struct buf out = { 0 };
	Elf64_Ehdr eh = { 0 };
	Elf64_Shdr sh[5] = { 0 };
	size_t off_shstr, off_btf, off_ks, off_ro, off_sh, blen;

	blen = (size_t)snprintf(banner, sizeof(banner), "Linux version %s (test@host) #1 SMP", rel) + 1;
	off_shstr = sizeof(eh);
	off_btf = off_shstr + sizeof(shstr);
	off_ks = off_btf + btf->len;
	off_ro = off_ks + sizeof(ksyms);
	off_sh = (off_ro + blen + 7) & ~(size_t)7;
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_EXEC;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_ehsize = sizeof(eh);
	eh.e_shentsize = sizeof(Elf64_Shdr);
	eh.e_shnum = 5;
	eh.e_shstrndx = 1;
	eh.e_shoff = off_sh;
	sh[1] = (Elf64_Shdr){ .sh_name = 1, .sh_type = SHT_STRTAB, .sh_offset = off_shstr,
			      .sh_size = sizeof(shstr), .sh_addralign = 1 };
	sh[2] = (Elf64_Shdr){ .sh_name = 11, .sh_type = SHT_PROGBITS, .sh_offset = off_btf,
			      .sh_size = btf->len, .sh_addralign = 1 };
	sh[3] = (Elf64_Shdr){ .sh_name = 16, .sh_type = SHT_PROGBITS, .sh_offset = off_ks,
			      .sh_size = sizeof(ksyms) - 1, .sh_addralign = 1 };
	sh[4] = (Elf64_Shdr){ .sh_name = 34, .sh_type = SHT_PROGBITS, .sh_offset = off_ro,
			      .sh_size = blen, .sh_addralign = 1 };
	put(&out, &eh, sizeof(eh));
	put(&out, shstr, sizeof(shstr));
	put(&out, btf->p, btf->len);
	put(&out, ksyms, sizeof(ksyms));
	put(&out, banner, blen);
	while (out.len < off_sh)
		put(&out, "", 1);
	put(&out, sh, sizeof(sh));
	return out;
}

enum comp { C_ZSTD, C_GZIP, C_XZ, C_LZMA, C_LZ4, C_COUNT };
static const char *const comp_name[] = { "zstd", "gzip", "xz", "lzma", "lz4" };

static struct buf pack(enum comp c, const struct buf *in)
{
	struct buf out = { 0 };

	switch (c) {
	case C_ZSTD: {
		size_t cap = ZSTD_compressBound(in->len);

		out.p = malloc(cap);
		out.len = ZSTD_compress(out.p, cap, in->p, in->len, 3);
		break;
	}
	case C_GZIP: {
		z_stream zs = { 0 };

		out.p = malloc(in->len + 1024);
		deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
		zs.next_in = in->p;
		zs.avail_in = (uInt)in->len;
		zs.next_out = out.p;
		zs.avail_out = (uInt)in->len + 1024;
		deflate(&zs, Z_FINISH);
		out.len = zs.total_out;
		deflateEnd(&zs);
		break;
	}
	case C_XZ:
	case C_LZMA: {
		lzma_stream ls = LZMA_STREAM_INIT;
		lzma_options_lzma opt;

		out.p = malloc(in->len + 4096);
		lzma_ret r;

		if (c == C_XZ) {
			r = lzma_easy_encoder(&ls, 6, LZMA_CHECK_CRC32);
		} else {
			lzma_lzma_preset(&opt, 6);
			r = lzma_alone_encoder(&ls, &opt);
		}
		if (r != LZMA_OK)
			break;
		ls.next_in = in->p;
		ls.avail_in = in->len;
		ls.next_out = out.p;
		ls.avail_out = in->len + 4096;
		while (lzma_code(&ls, LZMA_FINISH) == LZMA_OK)
			;
		out.len = ls.total_out;
		lzma_end(&ls);
		break;
	}
	case C_LZ4: {
		int cap = LZ4_compressBound((int)in->len), n;
		char *blk = malloc((size_t)cap);

		n = LZ4_compress_default((const char *)in->p, blk, (int)in->len, cap);
		put32(&out, 0x184c2102);
		put32(&out, (uint32_t)n);
		put(&out, blk, (size_t)n);
		free(blk);
		break;
	}
	default:
		break;
	}
	put32(&out, (uint32_t)in->len);   /* the kernel appends the size */
	return out;
}

/* A bzImage: 4 setup sectors + 1 boot sector, "HdrS" 2.15, the
 * kernel_version string, then the payload at payload_offset 0x100. */
static struct buf bzimage(const struct buf *payload, const char *rel)
{
	struct buf out = { 0 };
	unsigned char *p;
	size_t setup = 5 * 512;

	out.p = calloc(1, setup + 0x100 + payload->len + 16);
	out.len = setup + 0x100 + payload->len + 16;
	p = out.p;
	p[0] = 'M';
	p[1] = 'Z';
	p[0x1f1] = 4;
	memcpy(p + 0x202, "HdrS", 4);
	p[0x206] = 0x0f;
	p[0x207] = 0x02;
	p[0x20e] = 0x00;   /* kernel_version at 0x200 + 0x300 */
	p[0x20f] = 0x03;
	snprintf((char *)p + 0x500, 128, "%s (test@host) #1 SMP", rel);
	p[0x248] = 0x00;   /* payload_offset 0x100 */
	p[0x249] = 0x01;
	p[0x24c] = (unsigned char)payload->len;
	p[0x24d] = (unsigned char)(payload->len >> 8);
	p[0x24e] = (unsigned char)(payload->len >> 16);
	p[0x24f] = (unsigned char)(payload->len >> 24);
	memcpy(p + setup + 0x100, payload->p, payload->len);
	return out;
}

static int write_file(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return -1;
	fwrite(b->p, 1, b->len, f);
	return fclose(f);
}

static bool same_file(const char *a, const char *b)
{
	size_t la = 0, lb = 0;
	unsigned char *x = slurp(a, &la), *y = slurp(b, &lb);
	bool same = x && y && la == lb && memcmp(x, y, la) == 0;

	free(x);
	free(y);
	return same;
}

static void test_decompress(const struct buf *elf)
{
	char err[512];

	for (int c = 0; c < C_COUNT; c++) {
		struct buf z = pack((enum comp)c, elf);
		void *out;
		size_t len;
		int e;

		e = bvdb_decompress(z.p, z.len, 1 << 20, &out, &len, "t", err, sizeof(err));
		CHECK(e == 0 && len == elf->len && memcmp(out, elf->p, len) == 0, "%s: %d %s",
		      comp_name[c], e, err);
		free(out);
		/* truncated: half the data */
		e = bvdb_decompress(z.p, z.len / 2, 1 << 20, &out, &len, "t", err, sizeof(err));
		CHECK(e == -EINVAL && strstr(err, "corrupt or truncated"), "%s truncated: %d %s",
		      comp_name[c], e, err);
		/* an output limit below the size: EFBIG, never an overflow */
		e = bvdb_decompress(z.p, z.len, 100, &out, &len, "t", err, sizeof(err));
		CHECK(e == -EFBIG && strstr(err, "more than 100 bytes"), "%s limit: %d %s",
		      comp_name[c], e, err);
		/* corrupt body */
		if (z.len > 40) {
			for (size_t i = 12; i < z.len - 12; i += 7)
				z.p[i] ^= 0x5a;
			e = bvdb_decompress(z.p, z.len, 1 << 20, &out, &len, "t", err, sizeof(err));
			CHECK(e != 0 || len != elf->len || memcmp(out, elf->p, len) != 0,
			      "%s corrupt accepted", comp_name[c]);
			if (!e)
				free(out);
		}
		free(z.p);
	}
	CHECK(bvdb_decompress("BZh91AY", 7, 100, &(void *){ 0 }, &(size_t){ 0 }, "t", err,
			      sizeof(err)) == -EINVAL && strstr(err, "unknown compression"),
	      "bzip2 is a clear error: %s", err);
	CHECK(bvdb_decompress("", 0, 100, &(void *){ 0 }, &(size_t){ 0 }, "t", err,
			      sizeof(err)) == -EINVAL, "empty input");
}

static void test_zstd(void)
{
	char err[512];
	size_t n, m;
	void *z = bvdb_zstd_pack("hello hello hello", 17, &n, err, sizeof(err)), *z2, *u;
	unsigned char huge[32];

	CHECK(z != NULL, "pack: %s", err);
	z2 = bvdb_zstd_pack("hello hello hello", 17, &m, err, sizeof(err));
	CHECK(z2 && n == m && memcmp(z, z2, n) == 0, "pack is deterministic");
	CHECK(ZSTD_getFrameContentSize(z, n) == 17, "content size in the frame");
	u = bvdb_zstd_unpack(z, n, 100, &m, "t", err, sizeof(err));
	CHECK(u && m == 17 && memcmp(u, "hello hello hello", 17) == 0, "unpack: %s", err);
	free(u);
	((unsigned char *)z)[n - 6] ^= 0xff;   /* corrupt the data or checksum */
	u = bvdb_zstd_unpack(z, n, 100, &m, "t", err, sizeof(err));
	CHECK(!u && strstr(err, "corrupt zstd"), "corrupt: %s", err);
	CHECK(!bvdb_zstd_unpack(z, 3, 100, &m, "t", err, sizeof(err)) && strstr(err, "known size"),
	      "truncated header: %s", err);
	free(z);
	free(z2);
	/* a frame header that claims 2^40 bytes */
	{
		size_t hn = ZSTD_compressBound(1);
		ZSTD_CCtx *cc = ZSTD_createCCtx();

		ZSTD_CCtx_setPledgedSrcSize(cc, 1);
		hn = ZSTD_compress2(cc, huge, sizeof(huge), "x", 1);
		ZSTD_freeCCtx(cc);
		/* single-segment frame: FHD 0x20 | fcs flag; rewrite as 8-byte size */
		if (!ZSTD_isError(hn)) {
			unsigned char forged[32] = { 0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0, 0x01, 0, 0, 0 };

			CHECK(!bvdb_zstd_unpack(forged, 13, BVDB_BTF_MAX, &m, "t", err, sizeof(err)) &&
			      errno == EFBIG && strstr(err, "claims"), "absurd size: %s", err);
		}
	}
}

static void test_vmlinuz(const struct buf *elf)
{
	char err[512], rel[64];

	for (int c = 0; c < C_COUNT; c++) {
		struct buf z = pack((enum comp)c, elf), img = bzimage(&z, "9.8.7-test");
		void *out;
		size_t len;
		int e = bvdb_vmlinuz_elf(img.p, img.len, &out, &len, err, sizeof(err));

		CHECK(e == 0 && len == elf->len && memcmp(out, elf->p, len) == 0,
		      "bzImage %s: %s", comp_name[c], err);
		free(out);
		CHECK(bvdb_vmlinuz_release(img.p, img.len, rel, sizeof(rel)) == 0 &&
		      strcmp(rel, "9.8.7-test") == 0, "release from the header");
		/* cut inside the payload */
		e = bvdb_vmlinuz_elf(img.p, img.len - z.len / 2 - 16, &out, &len, err, sizeof(err));
		CHECK(e == -EINVAL && strstr(err, "outside"), "truncated image %s: %s",
		      comp_name[c], err);
		/* absurd payload_offset */
		img.p[0x248] = img.p[0x249] = img.p[0x24a] = img.p[0x24b] = 0xff;
		e = bvdb_vmlinuz_elf(img.p, img.len, &out, &len, err, sizeof(err));
		CHECK(e == -EINVAL && strstr(err, "outside"), "absurd offset: %s", err);
		free(img.p);
		free(z.p);
	}
	{
		struct buf z = pack(C_ZSTD, elf), img = bzimage(&z, "9.8.7-test");
		void *out;
		size_t len;

		memcpy(img.p + 5 * 512 + 0x100, "\x28\xb5\x2f\xfd\xff\xff\xff", 7);
		CHECK(bvdb_vmlinuz_elf(img.p, img.len, &out, &len, err, sizeof(err)) == -EINVAL &&
		      strstr(err, "zstd"), "corrupt zstd payload: %s", err);
		img.p[0x202] = 'X';
		CHECK(bvdb_vmlinuz_elf(img.p, img.len, &out, &len, err, sizeof(err)) == -EINVAL &&
		      strstr(err, "not a bzImage"), "no HdrS: %s", err);
		CHECK(bvdb_vmlinuz_elf(img.p, 100, &out, &len, err, sizeof(err)) == -EINVAL,
		      "tiny image");
		free(img.p);
		free(z.p);
		/* a payload that is not an ELF */
		z = pack(C_GZIP, &(struct buf){ (unsigned char *)"not an elf", 10 });
		img = bzimage(&z, "1.2.3");
		CHECK(bvdb_vmlinuz_elf(img.p, img.len, &out, &len, err, sizeof(err)) == -EINVAL &&
		      strstr(err, "not an ELF"), "payload not ELF: %s", err);
		free(img.p);
		free(z.p);
	}
}

static void test_elf(const struct buf *elf, const struct buf *btf)
{
	char err[512], rel[64];
	void *d;
	size_t n;
	struct buf bad = { 0 };

	CHECK(bvdb_elf_section(elf->p, elf->len, ".BTF", &d, &n, err, sizeof(err)) == 0 &&
	      n == btf->len && memcmp(d, btf->p, n) == 0, ".BTF: %s", err);
	free(d);
	CHECK(bvdb_elf_section(elf->p, elf->len, ".BTF_ids", &d, &n, err, sizeof(err)) == -ENOENT,
	      "missing section");
	CHECK(bvdb_elf_release(elf->p, elf->len, rel, sizeof(rel)) == 0 &&
	      strcmp(rel, "9.8.7-test") == 0, "banner release '%s'", rel);
	/* .BTF pointing past the end of the file */
	put(&bad, elf->p, elf->len);
	{
		Elf64_Ehdr *eh = (Elf64_Ehdr *)bad.p;
		Elf64_Shdr *sh = (Elf64_Shdr *)(bad.p + eh->e_shoff);

		sh[2].sh_offset = 1u << 30;
		CHECK(bvdb_elf_section(bad.p, bad.len, ".BTF", &d, &n, err, sizeof(err)) == -EINVAL,
		      "section out of bounds: %s", err);
		eh->e_shoff = (uint64_t)1 << 40;
		CHECK(bvdb_elf_section(bad.p, bad.len, ".BTF", &d, &n, err, sizeof(err)) != 0,
		      "section table out of bounds: %s", err);
	}
	CHECK(bvdb_elf_section(bad.p, 10, ".BTF", &d, &n, err, sizeof(err)) == -EINVAL,
	      "truncated ELF: %s", err);
	free(bad.p);
}

/* A .deb made with libarchive: ar of debian-binary, control.tar.gz, data.tar.xz. */
static struct buf make_deb(const struct buf *vmlinuz, const char *rel, bool with_control)
{
	struct buf members[2] = { { 0 }, { 0 } }, out = { 0 };
	size_t used;

	for (int m = 0; m < 2; m++) {
		struct archive *a = archive_write_new();
		size_t cap = vmlinuz->len + 65536;
		struct archive_entry *e = archive_entry_new();
		char path[200];
		const char *ctl = "Package: linux-image-test\nVersion: 1.0-1\nArchitecture: amd64\n";

		members[m].p = malloc(cap);
		archive_write_set_format_gnutar(a);
		if (m == 0)
			archive_write_add_filter_gzip(a);
		else
			archive_write_add_filter_xz(a);
		archive_write_open_memory(a, members[m].p, cap, &used);
		if (m == 0) {
			if (with_control) {
				archive_entry_set_pathname(e, "./control");
				archive_entry_set_size(e, (la_int64_t)strlen(ctl));
				archive_entry_set_filetype(e, AE_IFREG);
				archive_entry_set_perm(e, 0644);
				archive_write_header(a, e);
				archive_write_data(a, ctl, strlen(ctl));
			}
		} else {
			snprintf(path, sizeof(path), "./boot/vmlinuz-%s", rel);
			archive_entry_set_pathname(e, path);
			archive_entry_set_size(e, (la_int64_t)vmlinuz->len);
			archive_entry_set_filetype(e, AE_IFREG);
			archive_entry_set_perm(e, 0644);
			archive_write_header(a, e);
			archive_write_data(a, vmlinuz->p, vmlinuz->len);
			archive_entry_clear(e);
			snprintf(path, sizeof(path), "./boot/config-%s", rel);
			archive_entry_set_pathname(e, path);
			archive_entry_set_size(e, 14);
			archive_entry_set_filetype(e, AE_IFREG);
			archive_entry_set_perm(e, 0644);
			archive_write_header(a, e);
			archive_write_data(a, "CONFIG_BPF=y\n\n", 14);
		}
		archive_entry_free(e);
		archive_write_close(a);
		archive_write_free(a);
		members[m].len = used;
	}
	{
		struct archive *a = archive_write_new();
		size_t cap = members[0].len + members[1].len + 4096;
		static const char *const names[] = { "debian-binary", "control.tar.gz", "data.tar.xz" };

		out.p = malloc(cap);
		archive_write_set_format_ar_svr4(a);
		archive_write_open_memory(a, out.p, cap, &used);
		for (int m = 0; m < 3; m++) {
			struct archive_entry *e = archive_entry_new();
			const void *d = m == 0 ? (const void *)"2.0\n" : (const void *)members[m - 1].p;
			size_t n = m == 0 ? 4 : members[m - 1].len;

			archive_entry_set_pathname(e, names[m]);
			archive_entry_set_size(e, (la_int64_t)n);
			archive_entry_set_filetype(e, AE_IFREG);
			archive_entry_set_perm(e, 0644);
			archive_write_header(a, e);
			archive_write_data(a, d, n);
			archive_entry_free(e);
		}
		archive_write_close(a);
		archive_write_free(a);
		out.len = used;
	}
	free(members[0].p);
	free(members[1].p);
	return out;
}

/* The view answers as libbpf does for every id of raw BTF `raw`: the
 * same record bytes, names and resolved sizes. */
static bool view_matches(const struct bvdb_btf *v, const void *raw, size_t len)
{
	struct btf *b = btf__new(raw, (uint32_t)len);
	bool ok = b && v && bvdb_btf__type_cnt(v) == btf__type_cnt(b);

	for (uint32_t id = 0; ok && id < btf__type_cnt(b); id++) {
		const struct btf_type *x = bvdb_btf__type_by_id(v, id), *y = btf__type_by_id(b, id);
		const char *xn = x ? bvdb_btf__str(v, x->name_off) : NULL;

		ok = x && y && memcmp(x, y, sizeof(*x)) == 0 && xn &&
		     strcmp(xn, btf__name_by_offset(b, y->name_off)) == 0 &&
		     bvdb_btf__resolve_size(v, id) == btf__resolve_size(b, id);
	}
	btf__free(b);
	return ok;
}


static void test_import(const struct buf *btf, const struct buf *elf)
{
	struct bvdb_import_opts o = { .sz = sizeof(o) };
	char db[300], db2[300], path[600], path2[600], name[64], err[1024];
	struct buf z = pack(C_XZ, elf), img = bzimage(&z, "9.8.7-test");
	struct buf deb = make_deb(&img, "9.8.7-test", true), nodeb = make_deb(&img, "x", false);
	static const char *const files[] = { "profile.json", "vmlinux.btf.zst", "symbols.zst",
					     "config.zst", "facts.json" };
	struct bvdb_profile *p;
	struct btf *b;

	snprintf(db, sizeof(db), "%s/db", tmpdir);
	snprintf(db2, sizeof(db2), "%s/db2", tmpdir);
	snprintf(path, sizeof(path), "%s/raw.btf", tmpdir);
	write_file(path, btf);
	o.db = db;
	/* a raw BTF needs a release */
	CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) == -EINVAL &&
	      strstr(err, "--release"), "raw BTF without release: %s", err);
	o.release = "9.9.1-raw";
	CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) == 0 &&
	      strcmp(name, "9.9") == 0, "raw BTF: %s", err);
	o.release = NULL;

	/* a bzImage, then the .deb holding it: same BTF bytes */
	snprintf(path, sizeof(path), "%s/vmlinuz", tmpdir);
	write_file(path, &img);
	o.name = "img";
	CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) == 0, "bzImage: %s", err);
	snprintf(path, sizeof(path), "%s/k.deb", tmpdir);
	write_file(path, &deb);
	o.name = NULL;
	CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) == 0 &&
	      strcmp(name, "9.8") == 0, ".deb: %s", err);
	o.db = db2;
	CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) == 0, ".deb again: %s", err);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/9.8/%s", db, files[i]);
		snprintf(path2, sizeof(path2), "%s/9.8/%s", db2, files[i]);
		CHECK(same_file(path, path2), "deterministic: %s", files[i]);
	}
	snprintf(path, sizeof(path), "%s/9.8/vmlinux.btf.zst", db);
	snprintf(path2, sizeof(path2), "%s/img/vmlinux.btf.zst", db);
	CHECK(same_file(path, path2), "bzImage and .deb give the same BTF file");

	/* a whole-file compressed vmlinux: the same BTF again */
	{
		struct buf xz = pack(C_XZ, elf);

		snprintf(path, sizeof(path), "%s/vmlinux.xz", tmpdir);
		write_file(path, &xz);
		o.db = db2;
		o.name = "xz";
		CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) == 0,
		      "vmlinux.xz: %s", err);
		o.name = NULL;
		o.db = db;
		snprintf(path, sizeof(path), "%s/xz/vmlinux.btf.zst", db2);
		CHECK(same_file(path, path2), "compressed vmlinux gives the same BTF file");
		free(xz.p);
	}

	/* facts.json is never overwritten */
	snprintf(path, sizeof(path), "%s/9.8/facts.json", db);
	write_file(path, &(struct buf){ (unsigned char *)"{\"features\": [\"x\"]}\n", 21 });
	snprintf(path2, sizeof(path2), "%s/k.deb", tmpdir);
	o.db = db;
	CHECK(bvdb_import(path2, &o, name, sizeof(name), err, sizeof(err)) == 0, "re-import: %s", err);
	{
		size_t n;
		unsigned char *f = slurp(path, &n);

		CHECK(f && strstr((char *)f, "\"x\""), "facts.json kept");
		free(f);
	}

	/* read back */
	snprintf(path, sizeof(path), "%s/9.8", db);
	p = bvdb_profile__open(path, err, sizeof(err));
	CHECK(p && strcmp(bvdb_profile__release(p), "9.8.7-test") == 0 &&
	      bvdb_profile__kernel_version(p) == ((9u << 16) | (8u << 8) | 7) &&
	      strcmp(bvdb_profile__source_kind(p), "deb") == 0 &&
	      strstr(bvdb_profile__source_text(p), "linux-image-test 1.0-1") &&
	      bvdb_profile__feature_cnt(p) == 1 && strcmp(bvdb_profile__feature(p, 0), "x") == 0,
	      "profile read back: %s", err);
	b = p ? bvdb_profile__load_btf(p, err, sizeof(err)) : NULL;
	CHECK(b && btf__type_cnt(b) == 8, "BTF read back: %s", err);
	btf__free(b);
	/* the second load comes from the raw cache; a damaged cache file is
	 * ignored (btf__new validates it) and rewritten */
	{
		char cdir[400], cmd[900];
		size_t n;
		unsigned char *c;

		snprintf(cdir, sizeof(cdir), "%s/cache/btf", tmpdir);
		snprintf(cmd, sizeof(cmd), "test $(ls %s | wc -l) -eq 1", cdir);
		CHECK(system(cmd) == 0, "one cache file after a load");
		b = p ? bvdb_profile__load_btf(p, err, sizeof(err)) : NULL;
		CHECK(b && btf__type_cnt(b) == 8, "BTF from the cache: %s", err);
		btf__free(b);
		snprintf(cmd, sizeof(cmd), "for f in %s/*.btf; do printf '\\237\\353\\001\\000garbage' | "
			 "dd of=$f bs=1 seek=0 conv=notrunc 2>/dev/null; done", cdir);
		CHECK(system(cmd) == 0, "damage the cache");
		b = p ? bvdb_profile__load_btf(p, err, sizeof(err)) : NULL;
		CHECK(b && btf__type_cnt(b) == 8, "damaged cache ignored: %s", err);
		btf__free(b);
		snprintf(cmd, sizeof(cmd), "%s/cache/btf", tmpdir);
		c = NULL;
		{
			char one[900];
			FILE *f;

			snprintf(one, sizeof(one), "ls %s/*.btf", cdir);
			f = popen(one, "r");
			if (f && fgets(one, sizeof(one), f)) {
				one[strcspn(one, "\n")] = 0;
				c = slurp(one, &n);
			}
			if (f)
				pclose(f);
		}
		CHECK(c && n == btf->len && memcmp(c, btf->p, n) == 0, "cache rewritten");
		free(c);
		/* the profile's name index: built and cached, then from the cache */
		b = p ? bvdb_profile__load_btf(p, err, sizeof(err)) : NULL;
		for (int round = 0; round < 2 && b; round++) {
			struct bvdb_names *ix = bvdb_profile__names(p, b);
			const uint32_t *ids;

			CHECK(ix && bvdb_names__find(ix, "task_struct", 11, &ids) == 3,
			      "profile names, round %d", round);
			bvdb_names__free(ix);
		}
		snprintf(cmd, sizeof(cmd), "test $(ls %s/*.names | wc -l) -eq 1", cdir);
		CHECK(system(cmd) == 0, "the index is cached");
		btf__free(b);
		/* another checkout of the same content (another mtime) shares the
		 * entry: a cache hit, nothing rewritten */
		snprintf(cmd, sizeof(cmd), "touch -d @1577934245 %s/9.8/vmlinux.btf.zst", db);
		CHECK(system(cmd) == 0, "touch");
		snprintf(cmd, sizeof(cmd), "touch -d @1000000000 %s/*.btf", cdir);
		CHECK(system(cmd) == 0, "touch the entry");
		b = p ? bvdb_profile__load_btf(p, err, sizeof(err)) : NULL;
		CHECK(b && btf__type_cnt(b) == 8, "after touch: %s", err);
		btf__free(b);
		snprintf(cmd, sizeof(cmd), "test $(ls %s/*.btf | wc -l) -eq 1 && "
			 "test -z \"$(find %s -name '*.btf' -newermt @1000000001)\"", cdir, cdir);
		CHECK(system(cmd) == 0, "the same entry, not rewritten");
		/* an entry named the old way (SHA256-SIZE-MTIME) is removed when
		 * the entry is written again */
		snprintf(cmd, sizeof(cmd), "cd %s && for f in *.btf; do mv $f ${f%%.btf}-1577934245.000000000.btf; "
			 "done && rm -f *.names *.ok", cdir);
		CHECK(system(cmd) == 0, "an old-style entry");
		b = p ? bvdb_profile__load_btf(p, err, sizeof(err)) : NULL;
		CHECK(b && btf__type_cnt(b) == 8, "with an old-style entry: %s", err);
		btf__free(b);
		snprintf(cmd, sizeof(cmd), "test $(ls %s | wc -l) -eq 1 && ! ls %s | grep -q -- '-1577934245\\.'",
			 cdir, cdir);
		CHECK(system(cmd) == 0, "one cache entry, the new one");
		/* the view: the cache entry mapped, its offset table cached next
		 * to it; a damaged table is rebuilt, a damaged or truncated entry
		 * removed and written anew: never a crash, the same answers */
		{
			static const char *const damage[] = {
				/* offsets out of order */
				"for f in %s/*.types; do printf '\\377\\377\\377\\377' | dd of=$f bs=1 seek=40 conv=notrunc 2>/dev/null; done",
				/* a truncated table */
				"for f in %s/*.types; do head -c 30 $f > $f.x && mv $f.x $f; done",
				/* a truncated entry */
				"for f in %s/*.btf; do head -c 100 $f > $f.x && mv $f.x $f; done",
				/* an entry of the right size, not a BTF */
				"for f in %s/*.btf; do printf 'garbage!' | dd of=$f bs=1 seek=0 conv=notrunc 2>/dev/null; done",
				/* an entry of the right size whose last record overruns */
				"for f in %s/*.btf; do printf '\\377\\377' | dd of=$f bs=1 seek=%zu conv=notrunc 2>/dev/null; done",
			};
			struct bvdb_btf *v = bvdb_profile__load_view(p, err, sizeof(err));

			CHECK(v && view_matches(v, btf->p, btf->len), "view, cold: %s", err);
			bvdb_btf__free(v);
			snprintf(cmd, sizeof(cmd), "test $(ls %s/*.types | wc -l) -eq 1", cdir);
			CHECK(system(cmd) == 0, "the offset table is cached");
			v = bvdb_profile__load_view(p, err, sizeof(err));
			CHECK(v && view_matches(v, btf->p, btf->len), "view, warm: %s", err);
			bvdb_btf__free(v);
			for (size_t d = 0; d < sizeof(damage) / sizeof(damage[0]); d++) {
				/* 128: the vlen of type 7 (header 24, then records of 16, 24,
				 * 24, 12, 12, 12 bytes, then its name_off): its members would
				 * run past the section */
				snprintf(cmd, sizeof(cmd), damage[d], cdir, (size_t)128);
				CHECK(system(cmd) == 0, "damage %zu", d);
				v = bvdb_profile__load_view(p, err, sizeof(err));
				if (d == 4) {   /* only what is read is checked: NULL, not a crash */
					CHECK(v && bvdb_btf__type_cnt(v) == 8 && bvdb_btf__type_by_id(v, 6) &&
					      !bvdb_btf__type_by_id(v, 7), "damage %zu: %s", d, err);
					for (uint32_t id = 0; v && id < 8; id++)
						(void)bvdb_btf__resolve_size(v, id);
				} else {
					CHECK(v && view_matches(v, btf->p, btf->len), "damage %zu: %s", d,
					      err);
				}
				bvdb_btf__free(v);
			}
			bvdb_profile__drop_cache(p);
			snprintf(cmd, sizeof(cmd), "test -z \"$(ls %s)\"", cdir);
			CHECK(system(cmd) == 0, "drop_cache empties the entry");
			v = bvdb_profile__load_view(p, err, sizeof(err));
			CHECK(v && view_matches(v, btf->p, btf->len), "view after drop: %s", err);
			bvdb_btf__free(v);
		}
		setenv("BPFVERIFY_CACHE", "none", 1);
		{
			struct bvdb_btf *v = bvdb_profile__load_view(p, err, sizeof(err));

			CHECK(v && view_matches(v, btf->p, btf->len), "view, cache off: %s", err);
			bvdb_btf__free(v);
		}
		b = p ? bvdb_profile__load_btf(p, err, sizeof(err)) : NULL;
		CHECK(b && btf__type_cnt(b) == 8, "cache off: %s", err);
		btf__free(b);
		snprintf(cmd, sizeof(cmd), "%s/cache", tmpdir);
		setenv("BPFVERIFY_CACHE", cmd, 1);
	}
	bvdb_profile__close(p);
	{
		struct bvdb_profile **v;
		size_t n;

		CHECK(bvdb_profiles__list(db, &v, &n) == 0 && n == 3 &&
		      strcmp(bvdb_profile__name(v[0]), "9.9") == 0 &&
		      strcmp(bvdb_profile__name(v[1]), "9.8") == 0 &&
		      strcmp(bvdb_profile__name(v[2]), "img") == 0, "list, newest first");
		bvdb_profiles__free(v, n);
	}
	/* symbols: sorted, unique exported names */
	{
		size_t n;
		char *s;

		snprintf(path, sizeof(path), "%s/9.8/symbols.zst", db);
		s = bvdb_zstd_unpack_file(path, 1 << 20, &n, err, sizeof(err));
		CHECK(s && strcmp(s, "bpf_map_lookup_elem\nvfs_read\n") == 0, "symbols: %s", s ? s : err);
		free(s);
	}

	/* bad inputs: clear errors */
	snprintf(path, sizeof(path), "%s/nodeb.deb", tmpdir);
	write_file(path, &nodeb);
	CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) == -EINVAL &&
	      strstr(err, "no control file"), ".deb without control: %s", err);
	deb.len /= 2;
	snprintf(path, sizeof(path), "%s/cut.deb", tmpdir);
	write_file(path, &deb);
	CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) != 0 && strstr(err, "cut.deb"),
	      "truncated .deb: %s", err);
	snprintf(path, sizeof(path), "%s/junk", tmpdir);
	write_file(path, &(struct buf){ (unsigned char *)"!<arch>\njunkjunkjunkjunk", 24 });
	CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) != 0 && strstr(err, "junk"),
	      "junk ar: %s", err);
	write_file(path, &(struct buf){ (unsigned char *)"hello", 5 });
	CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) == -EINVAL &&
	      strstr(err, "not a raw BTF, vmlinux ELF, bzImage or Debian package"), "text: %s", err);
	{
		struct buf cb = { 0 };

		put(&cb, btf->p, btf->len);
		memset(cb.p + 24, 0xff, 8);   /* type section out of range */
		write_file(path, &cb);
		o.release = "1.2.3";
		CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) == -EINVAL &&
		      strstr(err, "corrupt BTF"), "corrupt BTF: %s", err);
		free(cb.p);
		o.name = "../evil";
		CHECK(bvdb_import(path, &o, name, sizeof(name), err, sizeof(err)) == -EINVAL,
		      "bad profile name");
		o.name = NULL;
		o.release = NULL;
	}
	CHECK(bvdb_import("/nonexistent/x", &o, name, sizeof(name), err, sizeof(err)) == -ENOENT &&
	      strstr(err, "/nonexistent/x"), "missing: %s", err);
	free(z.p);
	free(img.p);
	free(deb.p);
	free(nodeb.p);
}

/* The view over bytes in memory: equal to libbpf's reading; malformed
 * input refused with a message; a record whose tail overruns is NULL. */
static void test_view(const struct buf *btf)
{
	char err[256] = "";
	struct bvdb_btf *v = bvdb_btf__new(btf->p, btf->len, err, sizeof(err));
	unsigned char *bad = malloc(btf->len + 8);
	struct btf *b = btf__new_empty();
	int i, arr;

	CHECK(v && view_matches(v, btf->p, btf->len), "view = libbpf: %s", err);
	CHECK(v && !bvdb_btf__type_by_id(v, bvdb_btf__type_cnt(v)) && !bvdb_btf__str(v, 1u << 30),
	      "out of range");
	CHECK(v && bvdb_btf__raw(v, NULL) == btf->p, "raw bytes in place");
	bvdb_btf__free(v);
	CHECK(!bvdb_btf__new(btf->p, 10, err, sizeof(err)) && strstr(err, "too short"), "short: %s", err);
	memcpy(bad, btf->p, btf->len);
	bad[0] ^= 0xff;
	CHECK(!bvdb_btf__new(bad, btf->len, err, sizeof(err)) && strstr(err, "magic"), "magic: %s", err);
	memcpy(bad, btf->p, btf->len);
	CHECK(!bvdb_btf__new(bad, btf->len - 1, err, sizeof(err)), "truncated strings: %s", err);
	/* kind 31 in the first type's info: the walk refuses it */
	memcpy(bad, btf->p, btf->len);
	bad[24 + 7] = 31 << 0;
	CHECK(!bvdb_btf__new(bad, btf->len, err, sizeof(err)) && strstr(err, "malformed"),
	      "bad kind: %s", err);
	/* resolve_size through typedef, const and arrays; a pointer is 8 */
	i = btf__add_int(b, "long int", 8, BTF_INT_SIGNED);
	arr = btf__add_array(b, i, i, 3);
	btf__add_const(b, arr);
	btf__add_ptr(b, arr);
	{
		uint32_t sz;
		const void *raw = btf__raw_data(b, &sz);

		v = bvdb_btf__new(raw, sz, err, sizeof(err));
		CHECK(v && view_matches(v, raw, sz) && bvdb_btf__resolve_size(v, 3) == 24 &&
		      bvdb_btf__resolve_size(v, 4) == 8 && bvdb_btf__ptr_size(v) == 8,
		      "resolve_size: %s", err);
		bvdb_btf__free(v);
	}
	btf__free(b);
	free(bad);
}

static void test_names(const struct buf *btf)
{
	struct btf *b = btf__new(btf->p, (uint32_t)btf->len);
	struct bvdb_names *ix = bvdb_names__new(b);
	struct bvdb_btf *vb = bvdb_btf__new(btf->p, btf->len, NULL, 0);
	const uint32_t *ids;
	size_t n;

	CHECK(bvdb_essential_len("task_struct___v2") == 11, "flavor");
	CHECK(bvdb_essential_len("task_struct___") == 14, "trailing ___ is no flavor");
	CHECK(bvdb_essential_len("a___b___c") == 5, "the last separator starts the flavor");
	CHECK(bvdb_essential_len("____x") == 5, "underscores");
	CHECK(bvdb_essential_len(NULL) == 0, "NULL");
	n = bvdb_names__find(ix, "task_struct", 11, &ids);
	/* [2] struct, [3] struct ___v2, [4] typedef; [6] func is not indexed */
	CHECK(n == 3 && ids[0] == 2 && ids[1] == 3 && ids[2] == 4, "group: n=%zu", n);
	n = bvdb_names__find(ix, "task_struct___", 14, &ids);
	CHECK(n == 1 && ids[0] == 7, "task_struct___ is its own name");
	CHECK(bvdb_names__find(ix, "task", 4, &ids) == 0 && !ids, "prefix is not a match");
	CHECK(bvdb_names__find(ix, "int", 3, &ids) == 1 && ids[0] == 1, "int");
	CHECK(!bvdb_names__kind_indexed(BTF_KIND_FUNC) && bvdb_names__kind_indexed(BTF_KIND_STRUCT),
	      "kinds");
	CHECK(!bvdb_names__new(NULL) && errno == EINVAL, "NULL btf");

	/* the file form: mapped back as it is, refused when stale or damaged */
	{
		char path[400], cmd[900];
		struct bvdb_names *lx;
		struct btf *other = btf__new_empty();

		snprintf(path, sizeof(path), "%s/ix.names", tmpdir);
		CHECK(bvdb_names__save(ix, path) == 0, "save");
		lx = bvdb_names__load(path, vb);
		n = lx ? bvdb_names__find(lx, "task_struct", 11, &ids) : 0;
		CHECK(n == 3 && ids[0] == 2 && ids[1] == 3 && ids[2] == 4, "loaded group: n=%zu", n);
		CHECK(lx && bvdb_names__find(lx, "nope", 4, &ids) == 0, "loaded miss");
		bvdb_names__free(lx);
		/* checked in full once, then by its stamp: written only for a file
		 * left alone 100 ms (a change in the same clock tick keeps ctime) */
		{
			char ok[420];
			struct stat st;
			size_t len;
			unsigned char *f;
			struct buf w = { 0 };

			snprintf(ok, sizeof(ok), "%s.ok", path);
			CHECK(access(ok, F_OK) != 0, "no stamp for a fresh file");
			usleep(150000);
			lx = bvdb_names__load(path, vb);
			CHECK(lx && access(ok, F_OK) == 0, "stamped after its full check");
			bvdb_names__free(lx);
			lx = bvdb_names__load(path, vb);
			n = lx ? bvdb_names__find(lx, "task_struct", 11, &ids) : 0;
			CHECK(n == 3 && ids[0] == 2, "loaded by its stamp: n=%zu", n);
			bvdb_names__free(lx);
			/* rewritten, damaged (a later ctime): the stamp no
			 * longer matches, the full check refuses it */
			f = slurp(path, &len);
			for (size_t off = 24; f && off + 20 <= len; off += 20)
				memcpy(f + off + 16, "\xff\xff\xff\x7f", 4);   /* every count */
			put(&w, f, len);
			write_file(path, &w);
			CHECK(!bvdb_names__load(path, vb), "a changed file is checked again");
			/* damaged behind a stamp that matches (as a media error would
			 * leave it): loaded, but no group is read out of bounds */
			CHECK(stat(path, &st) == 0, "stat");
			usleep(150000);
			bvdb_stamp_write(path, &st, "BVDBNOK1");
			lx = bvdb_names__load(path, vb);
			CHECK(lx && bvdb_names__find(lx, "task_struct", 11, &ids) == 0 &&
			      bvdb_names__find(lx, "int", 3, &ids) == 0,
			      "groups past the ids are not returned");
			bvdb_names__free(lx);
			free(w.p);
			free(f);
			CHECK(bvdb_names__save(ix, path) == 0, "save again");
		}
		btf__add_int(other, "int", 4, 0);
		{
			struct bvdb_btf *ov = bvdb_btf_view_of_libbpf(other);

			CHECK(ov && !bvdb_names__load(path, ov), "another BTF's index is refused");
			bvdb_btf__free(ov);
		}
		btf__free(other);
		/* a slice pointing past the ids: the first used group's start */
		{
			char bad[420];
			size_t len;
			unsigned char *f = slurp(path, &len);
			struct buf w = { 0 };

			for (size_t off = 24; f && off + 20 <= len; off += 20) {
				uint32_t name_off;

				memcpy(&name_off, f + off, 4);
				if (name_off) {
					memcpy(f + off + 12, "\xff\xff\xff\x7f", 4);
					break;
				}
			}
			snprintf(bad, sizeof(bad), "%s.bad", path);
			put(&w, f, len);
			write_file(bad, &w);
			CHECK(!bvdb_names__load(bad, vb), "damaged slice refused");
			free(w.p);
			free(f);
			snprintf(cmd, sizeof(cmd), "head -c 40 %.300s > %.300s", path, bad);
			CHECK(system(cmd) == 0 && !bvdb_names__load(bad, vb), "truncated file refused");
			CHECK(!bvdb_names__load("/nonexistent", vb), "missing file");
		}
	}
	bvdb_names__free(ix);
	bvdb_btf__free(vb);
	btf__free(b);
}

static void test_profiles(void)
{
	char dir[400], path[500], err[512];

	CHECK(bvdb_release_version("6.1.0-50-cloud-amd64") == 0x060100, "6.1");
	CHECK(bvdb_release_version("6.18.300") == 0x0612ff, "patch clamps at 255");
	CHECK(bvdb_release_version("6.12") == 0x060c00, "no patch");
	CHECK(bvdb_release_version("x") == 0 && bvdb_release_version(NULL) == 0, "unparsable");
	snprintf(dir, sizeof(dir), "%s/p", tmpdir);
	mkdir(dir, 0755);
	CHECK(!bvdb_profile__open(dir, err, sizeof(err)) && errno == ENOENT, "no profile.json");
	snprintf(path, sizeof(path), "%s/profile.json", dir);
	write_file(path, &(struct buf){ (unsigned char *)"[1]", 3 });
	CHECK(!bvdb_profile__open(dir, err, sizeof(err)) && errno == EINVAL &&
	      strstr(err, "not a JSON object"), "broken: %s", err);
	write_file(path, &(struct buf){ (unsigned char *)"{\"release\": \"6.1.0\"}", 20 });
	CHECK(!bvdb_profile__open(dir, err, sizeof(err)) && strstr(err, "facts.json"),
	      "no facts: %s", err);
	snprintf(path, sizeof(path), "%s/facts.json", dir);
	write_file(path, &(struct buf){ (unsigned char *)"{\"features\": 3}", 15 });
	CHECK(!bvdb_profile__open(dir, err, sizeof(err)) && strstr(err, "not a list"), "features: %s", err);
	write_file(path, &(struct buf){ (unsigned char *)"{}", 2 });
	{
		struct bvdb_profile *p = bvdb_profile__open(dir, err, sizeof(err));
		struct btf *b;

		CHECK(p && bvdb_profile__kernel_version(p) == 0x060100 &&
		      strcmp(bvdb_profile__source_kind(p), "") == 0, "minimal profile: %s", err);
		b = p ? bvdb_profile__load_btf(p, err, sizeof(err)) : NULL;
		CHECK(!b && strstr(err, "vmlinux.btf.zst"), "no BTF: %s", err);
		snprintf(path, sizeof(path), "%s/vmlinux.btf.zst", dir);
		write_file(path, &(struct buf){ (unsigned char *)"\x28\xb5\x2f\xfd\x20\x05junk", 10 });
		b = p ? bvdb_profile__load_btf(p, err, sizeof(err)) : NULL;
		CHECK(!b && strstr(err, "corrupt zstd"), "corrupt zstd: %s", err);
		CHECK(!bvdb_profile__load_module_btf(p, "../x", NULL, err, sizeof(err)), "bad module");
		bvdb_profile__close(p);
	}
	/* the shipped profiles open and load */
	{
		struct bvdb_profile **v;
		size_t n;

		CHECK(bvdb_profiles__list(BVDB_TEST_PROFILES, &v, &n) == 0 && n >= 3, "shipped");
		for (size_t i = 0; i < n; i++) {
			struct btf *b = bvdb_profile__load_btf(v[i], err, sizeof(err)), *m;

			CHECK(b && btf__type_cnt(b) > 50000, "%s loads: %s", bvdb_profile__name(v[i]), err);
			m = b ? bvdb_profile__load_module_btf(v[i], "nf_conntrack", b, err, sizeof(err)) : NULL;
			if (strcmp(bvdb_profile__source_kind(v[i]), "deb") == 0)
				CHECK(m && btf__type_cnt(m) > btf__type_cnt(b) &&
				      btf__find_by_name_kind(m, "nf_conn", BTF_KIND_STRUCT) > 0,
				      "%s nf_conntrack: %s", bvdb_profile__name(v[i]), err);
			btf__free(m);
			btf__free(b);
		}
		bvdb_profiles__free(v, n);
	}
}

int main(void)
{
	struct buf btf, elf;
	char cmd[100];

	libbpf_set_print(NULL);
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	/* the raw BTF cache goes to the temp dir, never to the user's */
	snprintf(cmd, sizeof(cmd), "%s/cache", tmpdir);
	setenv("BPFVERIFY_CACHE", cmd, 1);
	btf = small_btf();
	elf = small_elf(&btf, "9.8.7-test");
	test_zstd();
	test_decompress(&elf);
	test_vmlinuz(&elf);
	test_elf(&elf, &btf);
	test_names(&btf);
	test_view(&btf);
	test_import(&btf, &elf);
	test_profiles();
	free(btf.p);
	free(elf.p);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		failed++;
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
