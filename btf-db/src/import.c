/* import.c — making a profile from a kernel: the running one ("host"), a
 * raw BTF, a vmlinux ELF, a bzImage or a Debian kernel package.
 *
 * Everything written is a function of the source's bytes: files are
 * compressed at one fixed zstd level, symbol lists sorted, profile.json
 * printed in a fixed key order with no dates, so importing the same
 * source twice gives the same bytes (scripts/btf-db-check relies on it).
 * facts.json is hand-written: created as a template when absent, never
 * touched otherwise.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <cjson/cJSON.h>

#include "bvdb_internal.h"

#define HOST_BTF      "/sys/kernel/btf/vmlinux"
#define HOST_CONFIG   "/proc/config.gz"
#define HOST_KALLSYMS "/proc/kallsyms"
#define MAX_FILES     40

/* One output file of the profile. */
struct out_file {
	char name[224];         /* relative to the profile folder */
	void *raw;              /* uncompressed content (owned) */
	size_t raw_len;
};

struct imp {
	char release[128];
	cJSON *source;
	struct out_file files[MAX_FILES];
	size_t nr_files;
	char *err;
	size_t errsz;
};

static int add_file(struct imp *im, const char *name, void *raw, size_t len)
{
	if (im->nr_files == MAX_FILES) {
		free(raw);
		bvdb_set_err(im->err, im->errsz, "too many files in one profile");
		return -E2BIG;
	}
	snprintf(im->files[im->nr_files].name, sizeof(im->files[0].name), "%s", name);
	im->files[im->nr_files].raw = raw;
	im->files[im->nr_files].raw_len = len;
	im->nr_files++;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* names[0..n) sorted, duplicates dropped, one per line; frees nothing. */
static int add_symbols(struct imp *im, char **names, size_t n)
{
	size_t len = 0, pos = 0;
	char *out;

	qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++)
		len += strlen(names[i]) + 1;
	out = malloc(len + 1);
	if (!out) {
		bvdb_set_err(im->err, im->errsz, "symbols: out of memory");
		return -ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(names[i]);

		if (i && strcmp(names[i], names[i - 1]) == 0)
			continue;
		memcpy(out + pos, names[i], l);
		out[pos + l] = '\n';
		pos += l + 1;
	}
	return add_file(im, "symbols", out, pos);
}

/* Exported names: the NUL-separated strings of __ksymtab_strings. */
static int symbols_from_ksymtab(struct imp *im, const void *elf, size_t elf_len)
{
	size_t len, n = 0, cap = 0;
	char **names = NULL, *s, *p;
	int e;

	if (bvdb_elf_section(elf, elf_len, "__ksymtab_strings", (void **)&s, &len, NULL, 0))
		return 0;   /* no exports: no symbols file */
	for (p = s; p < s + len; p += strlen(p) + 1) {
		if (memchr(p, '\0', (size_t)(s + len - p)) == NULL)
			break;   /* unterminated tail */
		if (!*p)
			continue;
		if (n == cap) {
			char **nn = realloc(names, (cap = cap ? cap * 2 : 4096) * sizeof(*names));

			if (!nn) {
				free(names);
				free(s);
				bvdb_set_err(im->err, im->errsz, "symbols: out of memory");
				return -ENOMEM;
			}
			names = nn;
		}
		names[n++] = p;
	}
	e = n ? add_symbols(im, names, n) : 0;
	free(names);
	free(s);
	return e;
}

/* Core kernel symbols of /proc/kallsyms ("ADDR T name", modules' lines end
 * in "[mod]"). */
static int symbols_from_kallsyms(struct imp *im)
{
	size_t len, n = 0, cap = 0;
	char *text = bvdb_read_file(HOST_KALLSYMS, BVDB_BTF_MAX, &len, NULL, 0), *line, *save;
	char **names = NULL;
	int e;

	if (!text)
		return 0;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *name = strchr(line, ' ');

		if (!name || !(name = strchr(name + 1, ' ')) || strchr(name, '['))
			continue;
		name++;
		if (!*name)
			continue;
		if (n == cap) {
			char **nn = realloc(names, (cap = cap ? cap * 2 : 65536) * sizeof(*names));

			if (!nn) {
				free(names);
				free(text);
				bvdb_set_err(im->err, im->errsz, "symbols: out of memory");
				return -ENOMEM;
			}
			names = nn;
		}
		names[n++] = name;
	}
	e = n ? add_symbols(im, names, n) : 0;
	free(names);
	free(text);
	return e;
}

/* Checks the raw BTF parses (and, for a module, on top of base). */
static int check_btf(struct imp *im, const void *raw, size_t len, const struct btf *base,
		     const char *what, struct btf **keep)
{
	struct btf *b = base ? bvdb_btf_new_split(raw, len, base) : btf__new(raw, len);
	long e = libbpf_get_error(b);

	if (!b || e) {
		bvdb_set_err(im->err, im->errsz, "%s: corrupt BTF (%s)", what,
			     strerror(e ? (int)-e : errno));
		return -EINVAL;
	}
	if (keep)
		*keep = b;
	else
		btf__free(b);
	return 0;
}

static int add_module(struct imp *im, const char *mod, const void *ko, size_t len,
		      const struct btf *base)
{
	char what[160], name[96], serr[300];
	void *btf;
	size_t blen;
	int e;

	snprintf(what, sizeof(what), "module %s", mod);
	e = bvdb_elf_section(ko, len, ".BTF", &btf, &blen, serr, sizeof(serr));
	if (e) {
		bvdb_set_err(im->err, im->errsz, "%s: %s", what, serr);
		return e;
	}
	e = check_btf(im, btf, blen, base, what, NULL);
	if (e) {
		free(btf);
		return e;
	}
	snprintf(name, sizeof(name), "modules/%s.btf", mod);
	return add_file(im, name, btf, blen);
}

static int from_host(struct imp *im, const struct bvdb_import_opts *o, const char *const *mods,
		     size_t nr_mods)
{
	struct utsname u;
	struct btf *base = NULL;
	char ferr[300];
	void *raw, *gz;
	size_t len, gzlen;
	int e;

	if (uname(&u) != 0) {
		bvdb_set_err(im->err, im->errsz, "host: uname: %s", strerror(errno));
		return -errno;
	}
	snprintf(im->release, sizeof(im->release), "%s", u.release);
	raw = bvdb_read_file(HOST_BTF, BVDB_BTF_MAX, &len, ferr, sizeof(ferr));
	if (!raw) {
		bvdb_set_err(im->err, im->errsz, "host: %s (the kernel needs CONFIG_DEBUG_INFO_BTF)",
			     ferr);
		return -ENOENT;
	}
	if ((e = check_btf(im, raw, len, NULL, HOST_BTF, &base))) {
		free(raw);
		return e;
	}
	if ((e = add_file(im, "vmlinux.btf", raw, len)))
		goto out;
	gz = bvdb_read_file(HOST_CONFIG, BVDB_JSON_MAX * 16, &gzlen, NULL, 0);
	if (gz) {
		e = bvdb_decompress(gz, gzlen, BVDB_BTF_MAX, &raw, &len, HOST_CONFIG,
				    im->err, im->errsz);
		free(gz);
		if (e || (e = add_file(im, "config", raw, len)))
			goto out;
	}
	if ((e = symbols_from_kallsyms(im)))
		goto out;
	for (size_t i = 0; i < nr_mods; i++) {
		char path[200];
		void *mb;

		snprintf(path, sizeof(path), "/sys/kernel/btf/%s", mods[i]);
		mb = bvdb_read_file(path, BVDB_BTF_MAX, &len, NULL, 0);
		if (!mb)
			continue;   /* not loaded, or built in */
		snprintf(path, sizeof(path), "modules/%s.btf", mods[i]);
		if ((e = check_btf(im, mb, len, base, path, NULL)) || (e = add_file(im, path, mb, len))) {
			if (e != -E2BIG)
				free(mb);
			goto out;
		}
	}
	im->source = cJSON_CreateObject();
	cJSON_AddStringToObject(im->source, "kind", "host");
	(void)o;
out:
	btf__free(base);
	return e;
}

/* The parts of a vmlinux ELF: .BTF, exported symbols, the release. */
static int from_elf(struct imp *im, const void *elf, size_t len, const char *what)
{
	char serr[300];
	void *btf;
	size_t blen;
	int e;

	e = bvdb_elf_section(elf, len, ".BTF", &btf, &blen, serr, sizeof(serr));
	if (e) {
		bvdb_set_err(im->err, im->errsz, "%s: %s%s", what, serr,
			     e == -ENOENT ? " (built without CONFIG_DEBUG_INFO_BTF?)" : "");
		return e;
	}
	if ((e = check_btf(im, btf, blen, NULL, what, NULL))) {
		free(btf);
		return e;
	}
	if ((e = add_file(im, "vmlinux.btf", btf, blen)))
		return e;
	if (!im->release[0])
		bvdb_elf_release(elf, len, im->release, sizeof(im->release));
	return symbols_from_ksymtab(im, elf, len);
}

static cJSON *file_source(const char *path, const char *format, const void *data, size_t len)
{
	const char *base = strrchr(path, '/');
	cJSON *s = cJSON_CreateObject();
	char sha[65];

	bvdb_sha256(data, len, sha);
	cJSON_AddStringToObject(s, "kind", "file");
	cJSON_AddStringToObject(s, "file", base ? base + 1 : path);
	cJSON_AddStringToObject(s, "format", format);
	cJSON_AddNumberToObject(s, "size", (double)len);
	cJSON_AddStringToObject(s, "sha256", sha);
	return s;
}

static int from_deb(struct imp *im, const char *path, const char *const *mods, size_t nr_mods)
{
	struct bvdb_deb d;
	struct btf *base = NULL;
	char serr[600];
	void *elf = NULL;
	size_t elf_len;
	int e;

	e = bvdb_deb_read(path, mods, nr_mods, &d, im->err, im->errsz);
	if (e)
		return e;
	snprintf(im->release, sizeof(im->release), "%s", d.release);
	e = bvdb_vmlinuz_elf(d.vmlinuz, d.vmlinuz_len, &elf, &elf_len, serr, sizeof(serr));
	if (e) {
		bvdb_set_err(im->err, im->errsz, "%s: boot/vmlinuz-%s: %s", path, d.release, serr);
		goto out;
	}
	if ((e = from_elf(im, elf, elf_len, path)))
		goto out;
	free(elf);
	elf = NULL;
	if (d.config) {
		if ((e = add_file(im, "config", d.config, d.config_len)))
			goto out;
		d.config = NULL;
	}
	if (d.nr_mods) {
		const struct out_file *f = &im->files[0];   /* vmlinux.btf, added first */

		if ((e = check_btf(im, f->raw, f->raw_len, NULL, path, &base)))
			goto out;
		for (size_t i = 0; i < d.nr_mods; i++)
			if ((e = add_module(im, d.mods[i].name, d.mods[i].data, d.mods[i].len, base)))
				goto out;
	}
	im->source = cJSON_CreateObject();
	cJSON_AddStringToObject(im->source, "kind", "deb");
	cJSON_AddStringToObject(im->source, "package", d.package);
	cJSON_AddStringToObject(im->source, "version", d.version);
	cJSON_AddStringToObject(im->source, "sha256", d.sha256);
out:
	btf__free(base);
	free(elf);
	bvdb_deb_free(&d);
	return e;
}

static bool is_btf_magic(const unsigned char *m, size_t len)
{
	return len >= 4 && ((m[0] == 0x9f && m[1] == 0xeb) || (m[0] == 0xeb && m[1] == 0x9f));
}

static bool is_elf_magic(const unsigned char *m, size_t len)
{
	return len >= 4 && memcmp(m, "\x7f" "ELF", 4) == 0;
}

/* A raw BTF, a vmlinux or a bzImage, each possibly compressed as a whole
 * (vmlinux.xz, btf.zst): recognised by content. */
static int from_file(struct imp *im, const char *path, const char *const *mods, size_t nr_mods)
{
	unsigned char magic[8] = { 0 };
	FILE *f = fopen(path, "rb");
	char serr[600];
	void *data, *elf, *inner = NULL;
	const unsigned char *d;
	size_t len, dlen, elf_len;
	int e;

	if (!f) {
		e = errno;
		bvdb_set_err(im->err, im->errsz, "%s: %s", path, strerror(e));
		return -e;
	}
	len = fread(magic, 1, sizeof(magic), f);
	fclose(f);
	if (len == 8 && memcmp(magic, "!<arch>\n", 8) == 0)
		return from_deb(im, path, mods, nr_mods);
	data = bvdb_read_file(path, BVDB_IMAGE_MAX, &len, im->err, im->errsz);
	if (!data)
		return -errno;
	d = data;
	dlen = len;
	if (!is_btf_magic(d, dlen) && !is_elf_magic(d, dlen) && !bvdb_is_bzimage(d, dlen) &&
	    bvdb_decompress(data, len, BVDB_IMAGE_MAX, &inner, &dlen, path, serr, sizeof(serr)) == 0) {
		d = inner;
	} else {
		inner = NULL;
		dlen = len;
	}
	if (is_btf_magic(d, dlen)) {
		void *own = inner ? inner : data;

		if ((e = check_btf(im, d, dlen, NULL, path, NULL)) == 0) {
			im->source = file_source(path, inner ? "btf, compressed" : "btf", data, len);
			e = add_file(im, "vmlinux.btf", own, dlen);   /* takes own */
		} else {
			free(own);
		}
		if (inner)
			free(data);
		return e;
	}
	if (is_elf_magic(d, dlen)) {
		e = from_elf(im, d, dlen, path);
		if (!e)
			im->source = file_source(path, inner ? "vmlinux, compressed" : "vmlinux", data, len);
	} else if (bvdb_is_bzimage(d, dlen)) {
		bvdb_vmlinuz_release(d, dlen, im->release, sizeof(im->release));
		e = bvdb_vmlinuz_elf(d, dlen, &elf, &elf_len, serr, sizeof(serr));
		if (e)
			bvdb_set_err(im->err, im->errsz, "%s: %s", path, serr);
		else
			e = from_elf(im, elf, elf_len, path);
		if (!e)
			im->source = file_source(path, "vmlinuz", data, len);
		free(elf);
	} else {
		bvdb_set_err(im->err, im->errsz, "%s: not a raw BTF, vmlinux ELF, bzImage or Debian "
			     "package%s", path, inner ? " (once decompressed)" : "");
		e = -EINVAL;
	}
	free(inner);
	free(data);
	return e;
}

static bool valid_name(const char *n)
{
	size_t l = strlen(n);

	if (l == 0 || l >= 64 || n[0] == '.' || strcmp(n, "host") == 0)
		return false;
	for (size_t i = 0; i < l; i++)
		if (!(n[i] == '.' || n[i] == '-' || n[i] == '_' || n[i] == '+' ||
		      (n[i] >= '0' && n[i] <= '9') || (n[i] >= 'a' && n[i] <= 'z') ||
		      (n[i] >= 'A' && n[i] <= 'Z')))
			return false;
	return true;
}

static int mkdir_p1(const char *dir, char *err, size_t errsz)
{
	if (mkdir(dir, 0755) == 0 || errno == EEXIST)
		return 0;
	bvdb_set_err(err, errsz, "%s: %s", dir, strerror(errno));
	return -errno;
}

static const char FACTS_TEMPLATE[] =
	"{\n"
	"  \"about\": \"Hand-written facts of this profile that its BTF does not carry. "
	"'features' names the verifier behaviours of verifier-core/include/bpfverify/features.h "
	"this kernel has.\",\n"
	"  \"features\": []\n"
	"}\n";

static int write_profile(struct imp *im, const char *dir, const char *name)
{
	char path[4400], sha[65];
	cJSON *doc = cJSON_CreateObject(), *files;
	char *text = NULL;
	int e = 0;

	cJSON_AddStringToObject(doc, "name", name);
	cJSON_AddStringToObject(doc, "release", im->release);
	cJSON_AddNumberToObject(doc, "LINUX_KERNEL_VERSION", bvdb_release_version(im->release));
	cJSON_AddItemToObject(doc, "source", im->source);
	im->source = NULL;
	files = cJSON_AddObjectToObject(doc, "files");
	/* names in a fixed order: as added (vmlinux.btf, config, symbols, modules in
	 * request order) */
	for (size_t i = 0; i < im->nr_files && !e; i++) {
		struct out_file *f = &im->files[i];
		size_t clen;
		void *comp = bvdb_zstd_pack(f->raw, f->raw_len, &clen, im->err, im->errsz);
		cJSON *ent;

		if (!comp) {
			e = -errno;
			break;
		}
		snprintf(path, sizeof(path), "%s/%s.zst", dir, f->name);
		e = bvdb_write_file(path, comp, clen, im->err, im->errsz);
		bvdb_sha256(comp, clen, sha);
		free(comp);
		snprintf(path, sizeof(path), "%s.zst", f->name);
		ent = cJSON_AddObjectToObject(files, path);
		cJSON_AddNumberToObject(ent, "size", (double)clen);
		cJSON_AddNumberToObject(ent, "raw_size", (double)f->raw_len);
		cJSON_AddStringToObject(ent, "sha256", sha);
	}
	if (!e && !(text = cJSON_Print(doc))) {
		bvdb_set_err(im->err, im->errsz, "profile.json: out of memory");
		e = -ENOMEM;
	}
	if (!e) {
		size_t tl = strlen(text);
		char *nl = realloc(text, tl + 2);

		if (!nl) {
			bvdb_set_err(im->err, im->errsz, "profile.json: out of memory");
			e = -ENOMEM;
		} else {
			text = nl;
			text[tl] = '\n';
			text[tl + 1] = '\0';
			snprintf(path, sizeof(path), "%s/profile.json", dir);
			e = bvdb_write_file(path, text, tl + 1, im->err, im->errsz);
		}
	}
	free(text);
	cJSON_Delete(doc);
	if (e)
		return e;
	snprintf(path, sizeof(path), "%s/facts.json", dir);
	if (access(path, F_OK) != 0)
		e = bvdb_write_file(path, FACTS_TEMPLATE, sizeof(FACTS_TEMPLATE) - 1,
				    im->err, im->errsz);
	return e;
}

/* Files an earlier import wrote that this one does not: removed, so that
 * a profile is exactly what its last import made. */
static void remove_stale(struct imp *im, const char *dir, const char *const *mods, size_t nr_mods)
{
	static const char *const own[] = { "config", "symbols" };
	char path[4400], rel[128];

	for (size_t i = 0; i < 2 + nr_mods; i++) {
		bool made = false;

		if (i < 2)
			snprintf(rel, sizeof(rel), "%s", own[i]);
		else
			snprintf(rel, sizeof(rel), "modules/%s.btf", mods[i - 2]);
		for (size_t j = 0; j < im->nr_files; j++)
			made |= strcmp(im->files[j].name, rel) == 0;
		if (made)
			continue;
		snprintf(path, sizeof(path), "%s/%s.zst", dir, rel);
		unlink(path);
	}
}

BVDB_EXPORT int bvdb_import(const char *source, const struct bvdb_import_opts *opts,
			    char *name_out, size_t name_outsz, char *err, size_t errsz)
{
	static const char *const default_mods[] = { "nf_conntrack" };
	struct imp im = { .err = err, .errsz = errsz };
	const char *const *mods = default_mods;
	size_t nr_mods = 1;
	char name[64], dir[4200], ierr[1024] = "";
	int e;

	if (!source || !opts || opts->sz < sizeof(size_t) * 2 + sizeof(char *) || !opts->db) {
		bvdb_set_err(err, errsz, "import: no source or no db folder");
		return -EINVAL;
	}
	if (opts->sz >= offsetof(struct bvdb_import_opts, nr_modules) + sizeof(size_t) &&
	    opts->modules) {
		mods = opts->modules;
		nr_mods = opts->nr_modules;
	}
	for (size_t i = 0; i < nr_mods; i++)
		if (!valid_name(mods[i])) {
			bvdb_set_err(err, errsz, "import: '%s' is not a module name", mods[i]);
			return -EINVAL;
		}
	im.err = ierr;
	im.errsz = sizeof(ierr);
	if (strcmp(source, "host") == 0 || strcmp(source, HOST_BTF) == 0)
		e = from_host(&im, opts, mods, nr_mods);
	else
		e = from_file(&im, source, mods, nr_mods);
	if (!e && opts->sz >= offsetof(struct bvdb_import_opts, release) + sizeof(char *) &&
	    opts->release)
		snprintf(im.release, sizeof(im.release), "%s", opts->release);
	if (!e && !bvdb_release_version(im.release)) {
		bvdb_set_err(ierr, sizeof(ierr), "%s: %s; name it with --release (e.g. 6.1.0-50-cloud-amd64)",
			     source, im.release[0] ? "the release it names is not MAJOR.MINOR[.PATCH]..." :
			     "the source does not say which kernel release it is");
		e = -EINVAL;
	}
	if (!e) {
		if (opts->name)
			snprintf(name, sizeof(name), "%s", opts->name);
		else
			snprintf(name, sizeof(name), "%u.%u", bvdb_release_version(im.release) >> 16,
				 (bvdb_release_version(im.release) >> 8) & 255);
		if (!valid_name(name)) {
			bvdb_set_err(ierr, sizeof(ierr), "'%s' cannot name a profile (letters, digits, "
				     "'.', '-', '_', '+'; not 'host')", name);
			e = -EINVAL;
		}
	}
	if (!e) {
		snprintf(dir, sizeof(dir), "%s/%s", opts->db, name);
		if (!(e = mkdir_p1(opts->db, ierr, sizeof(ierr))) &&
		    !(e = mkdir_p1(dir, ierr, sizeof(ierr)))) {
			bool any_mod = false;

			for (size_t i = 0; i < im.nr_files; i++)
				any_mod |= strncmp(im.files[i].name, "modules/", 8) == 0;
			if (any_mod) {
				char mdir[4300];

				snprintf(mdir, sizeof(mdir), "%s/modules", dir);
				e = mkdir_p1(mdir, ierr, sizeof(ierr));
			}
		}
		if (!e)
			e = write_profile(&im, dir, name);
		if (!e) {
			remove_stale(&im, dir, mods, nr_mods);
			if (name_out)
				snprintf(name_out, name_outsz, "%s", name);
		}
	}
	if (e)
		bvdb_set_err(err, errsz, "import %s: %s", source, ierr);
	for (size_t i = 0; i < im.nr_files; i++)
		free(im.files[i].raw);
	cJSON_Delete(im.source);
	return e;
}
