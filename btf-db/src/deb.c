/* deb.c — what the importer needs from a Debian kernel package, read with
 * libarchive: the package (an ar archive) holds control.tar.* (its
 * control file: Package, Version) and data.tar.* (boot/vmlinuz-REL,
 * boot/config-REL, lib/modules/REL/kernel/.../MOD.ko[.xz|.zst]). The inner
 * tars are streamed out of the outer archive, never written to disk. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "bvdb_internal.h"

#define MEMBER_MAX  (256u << 20)    /* a vmlinuz, a config, a module */

struct inner_src {
	struct archive *outer;
	char buf[1 << 16];
};

static la_ssize_t inner_read(struct archive *a, void *ud, const void **buf)
{
	struct inner_src *s = ud;
	la_ssize_t n = archive_read_data(s->outer, s->buf, sizeof(s->buf));

	(void)a;
	*buf = s->buf;
	return n;
}

/* The current entry of `a`, whole; NULL with a message. */
static void *entry_data(struct archive *a, struct archive_entry *ent, size_t *len,
			const char *what, char *err, size_t errsz)
{
	la_int64_t size = archive_entry_size_is_set(ent) ? archive_entry_size(ent) : -1;
	size_t cap, n = 0;
	char *buf;

	if (size < 0 || (uint64_t)size > MEMBER_MAX) {
		bvdb_set_err(err, errsz, "%s: size %lld out of range", what, (long long)size);
		return NULL;
	}
	cap = (size_t)size + 1;
	buf = malloc(cap);
	if (!buf) {
		bvdb_set_err(err, errsz, "%s: out of memory", what);
		return NULL;
	}
	while (n < (size_t)size) {
		la_ssize_t got = archive_read_data(a, buf + n, (size_t)size - n);

		if (got <= 0) {
			bvdb_set_err(err, errsz, "%s: truncated or corrupt (%s)", what,
				     got < 0 ? archive_error_string(a) : "short");
			free(buf);
			return NULL;
		}
		n += (size_t)got;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* "Field: value" of a control file. */
static void control_field(const char *ctl, const char *field, char *out, size_t outsz)
{
	size_t fl = strlen(field);

	for (const char *l = ctl; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		if (strncmp(l, field, fl) == 0 && l[fl] == ':') {
			const char *v = l + fl + 1;
			size_t n = 0;

			while (*v == ' ')
				v++;
			while (v[n] && v[n] != '\n' && n + 1 < outsz)
				n++;
			memcpy(out, v, n);
			out[n] = '\0';
			return;
		}
	}
}

/* Base name of a module file without .ko[.xz|.zst|.gz]; false if not a module. */
static bool module_name(const char *path, char *name, size_t namesz)
{
	const char *b = strrchr(path, '/'), *ko;
	size_t n;

	b = b ? b + 1 : path;
	ko = strstr(b, ".ko");
	if (!ko || (ko[3] && strcmp(ko + 3, ".xz") && strcmp(ko + 3, ".zst") && strcmp(ko + 3, ".gz")))
		return false;
	n = (size_t)(ko - b);
	if (n == 0 || n >= namesz)
		return false;
	memcpy(name, b, n);
	name[n] = '\0';
	return true;
}

static const char *strip_dot(const char *p)
{
	return p[0] == '.' && p[1] == '/' ? p + 2 : p;
}

static int read_data_tar(struct archive *in, const char *const *modules, size_t nr_modules,
			 struct bvdb_deb *d, char *err, size_t errsz)
{
	struct archive_entry *ent;
	int r;

	while ((r = archive_read_next_header(in, &ent)) == ARCHIVE_OK) {
		const char *path = strip_dot(archive_entry_pathname(ent));
		char mod[64];

		if (archive_entry_filetype(ent) != AE_IFREG)
			continue;
		if (strncmp(path, "boot/vmlinuz-", 13) == 0 && !d->vmlinuz) {
			snprintf(d->release, sizeof(d->release), "%s", path + 13);
			d->vmlinuz = entry_data(in, ent, &d->vmlinuz_len, path, err, errsz);
			if (!d->vmlinuz)
				return -EINVAL;
		} else if (strncmp(path, "boot/config-", 12) == 0 && !d->config) {
			d->config = entry_data(in, ent, &d->config_len, path, err, errsz);
			if (!d->config)
				return -EINVAL;
		} else if (strncmp(path, "lib/modules/", 12) == 0 &&
			   module_name(path, mod, sizeof(mod))) {
			for (size_t i = 0; i < nr_modules; i++) {
				struct bvdb_deb_module *m;
				void *raw;
				size_t len;
				int e;

				if (strcmp(modules[i], mod) != 0)
					continue;
				raw = entry_data(in, ent, &len, path, err, errsz);
				if (!raw)
					return -EINVAL;
				m = realloc(d->mods, (d->nr_mods + 1) * sizeof(*m));
				if (!m) {
					free(raw);
					bvdb_set_err(err, errsz, "%s: out of memory", path);
					return -ENOMEM;
				}
				d->mods = m;
				m = &d->mods[d->nr_mods];
				memset(m, 0, sizeof(*m));
				snprintf(m->name, sizeof(m->name), "%s", mod);
				if (len >= 4 && memcmp(raw, "\x7f" "ELF", 4) == 0) {
					m->data = raw;
					m->len = len;
				} else {
					e = bvdb_decompress(raw, len, BVDB_IMAGE_MAX, &m->data, &m->len,
							    path, err, errsz);
					free(raw);
					if (e)
						return e;
				}
				d->nr_mods++;
				break;
			}
		}
	}
	if (r != ARCHIVE_EOF) {
		bvdb_set_err(err, errsz, "data.tar: %s", archive_error_string(in));
		return -EINVAL;
	}
	return 0;
}

static int read_control_tar(struct archive *in, struct bvdb_deb *d, char *err, size_t errsz)
{
	struct archive_entry *ent;
	int r;

	while ((r = archive_read_next_header(in, &ent)) == ARCHIVE_OK) {
		char *ctl;
		size_t len;

		if (strcmp(strip_dot(archive_entry_pathname(ent)), "control") != 0)
			continue;
		ctl = entry_data(in, ent, &len, "control", err, errsz);
		if (!ctl)
			return -EINVAL;
		control_field(ctl, "Package", d->package, sizeof(d->package));
		control_field(ctl, "Version", d->version, sizeof(d->version));
		free(ctl);
		return 0;
	}
	bvdb_set_err(err, errsz, "control.tar: %s", r == ARCHIVE_EOF ? "no control file" :
		     archive_error_string(in));
	return -EINVAL;
}

int bvdb_deb_read(const char *path, const char *const *modules, size_t nr_modules,
		  struct bvdb_deb *d, char *err, size_t errsz)
{
	struct archive *outer;
	struct archive_entry *ent;
	char serr[512];
	int r, e = 0;
	bool saw_data = false;

	memset(d, 0, sizeof(*d));
	if (bvdb_sha256_file(path, d->sha256, serr, sizeof(serr))) {
		bvdb_set_err(err, errsz, "%s", serr);
		return -ENOENT;
	}
	outer = archive_read_new();
	if (!outer) {
		bvdb_set_err(err, errsz, "%s: out of memory", path);
		return -ENOMEM;
	}
	archive_read_support_format_ar(outer);
	if (archive_read_open_filename(outer, path, 1 << 16) != ARCHIVE_OK) {
		bvdb_set_err(err, errsz, "%s: not a Debian package: %s", path,
			     archive_error_string(outer));
		archive_read_free(outer);
		return -EINVAL;
	}
	while (!e && (r = archive_read_next_header(outer, &ent)) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(ent);
		bool is_ctl = strncmp(name, "control.tar", 11) == 0;
		bool is_data = strncmp(name, "data.tar", 8) == 0;
		struct inner_src *src;
		struct archive *in;
		char ierr[512] = "";

		if (!is_ctl && !is_data)
			continue;
		src = malloc(sizeof(*src));
		in = archive_read_new();
		if (!src || !in) {
			free(src);
			archive_read_free(in);
			e = -ENOMEM;
			bvdb_set_err(err, errsz, "%s: out of memory", path);
			break;
		}
		src->outer = outer;
		archive_read_support_format_tar(in);
		archive_read_support_filter_all(in);
		if (archive_read_open(in, src, NULL, inner_read, NULL) != ARCHIVE_OK) {
			bvdb_set_err(ierr, sizeof(ierr), "%s", archive_error_string(in));
			e = -EINVAL;
		} else if (is_ctl) {
			e = read_control_tar(in, d, ierr, sizeof(ierr));
		} else {
			saw_data = true;
			e = read_data_tar(in, modules, nr_modules, d, ierr, sizeof(ierr));
		}
		if (e)
			bvdb_set_err(err, errsz, "%s: %s: %s", path, name, ierr);
		archive_read_free(in);
		free(src);
	}
	if (!e && r != ARCHIVE_EOF) {
		bvdb_set_err(err, errsz, "%s: not a Debian package: %s", path,
			     archive_error_string(outer));
		e = -EINVAL;
	}
	archive_read_free(outer);
	if (!e && (!saw_data || !d->package[0] || !d->version[0])) {
		bvdb_set_err(err, errsz, "%s: not a Debian package (no %s)", path,
			     !saw_data ? "data.tar" : "Package/Version in control");
		e = -EINVAL;
	}
	if (!e && !d->vmlinuz) {
		bvdb_set_err(err, errsz, "%s: package %s holds no boot/vmlinuz-*: not a kernel image "
			     "package", path, d->package);
		e = -EINVAL;
	}
	if (e)
		bvdb_deb_free(d);
	return e;
}

void bvdb_deb_free(struct bvdb_deb *d)
{
	if (!d)
		return;
	free(d->vmlinuz);
	free(d->config);
	for (size_t i = 0; i < d->nr_mods; i++)
		free(d->mods[i].data);
	free(d->mods);
	memset(d, 0, sizeof(*d));
}
