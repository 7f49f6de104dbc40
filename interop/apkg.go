package interop

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"
	"google.golang.org/protobuf/encoding/protowire"
)

// The members of an Anki package that are read. Their names are only
// compared with these; no name in an archive is ever used as a path.
const (
	memberAnki21b = "collection.anki21b" // Anki 23.10+: zstd-compressed SQLite, schema 18
	memberAnki21  = "collection.anki21"  // Anki 2.1: SQLite, schema 11
	memberAnki2   = "collection.anki2"   // Anki 2.0 (and the stub newer exports add): schema 11
	memberMeta    = "meta"               // protobuf PackageMetadata {Version version = 1}
	memberMedia   = "media"              // JSON {"0": "name"}, or zstd protobuf MediaEntries in the latest layout
)

// collectionMembers are the collection members, newest layout first: a
// package with several holds the newest in the newest member and a stub
// saying "please update" in collection.anki2.
var collectionMembers = []string{memberAnki21b, memberAnki21, memberAnki2}

// metaLatest is PackageMetadata's version for the zstd layout.
const metaLatest = 3

// ImportAPKG imports an Anki package (.apkg, or a whole-collection .colpkg)
// of size bytes read from r; name is used in messages. It reads the newest
// collection the package holds, in memory; media is counted, not imported.
func ImportAPKG(name string, r io.ReaderAt, size int64, opt Options) (_ *Result, err error) {
	defer func() { err = safe(err) }()
	if err := opt.check(name); err != nil {
		return nil, err
	}
	lim := opt.Limits.withDefaults()
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("import %s: not a readable zip archive (damaged or truncated?): %w", name, err)
	}
	members := map[string]*zip.File{}
	for _, f := range zr.File {
		if _, seen := members[f.Name]; !seen {
			members[f.Name] = f
		}
	}
	var coll *zip.File
	for _, m := range collectionMembers {
		if coll = members[m]; coll != nil {
			break
		}
	}
	if coll == nil {
		return nil, fmt.Errorf("import %s: a zip archive but not an Anki package: it holds no %s, %s or %s", name, memberAnki2, memberAnki21, memberAnki21b)
	}
	var warnings []Problem
	latest := coll.Name == memberAnki21b
	if w := checkMeta(members[memberMeta], lim); w != "" {
		warnings = append(warnings, Problem{File: name, Msg: w})
	}
	data, err := readMember(coll, lim.MaxCollection, latest)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", name, err)
	}
	c, err := openCollection(data)
	if err != nil {
		return nil, fmt.Errorf("import %s: %s: %w", name, coll.Name, err)
	}
	notes, skipped, err := c.notes(name, lim)
	var answers []answer
	var manual int
	if err == nil {
		answers, manual, err = c.revlog()
	}
	c.close() // before the deck is built: the collection can be large
	if err != nil {
		return nil, fmt.Errorf("import %s: %s: %w", name, coll.Name, err)
	}
	warnings = append(warnings, c.repaired...)
	media, err := countMedia(members[memberMedia], lim, latest)
	if err != nil {
		warnings = append(warnings, Problem{File: name, Msg: "the media list cannot be read (media is not imported anyway): " + err.Error()})
	}
	info := deckInfo{
		format: fmt.Sprintf("Anki package (%s, schema %d)", coll.Name, c.schema),
		title:  c.deckName,
		read:   c.read,
		media:  media,
		anki:   true,
	}
	res, err := build(name, notes, info, opt)
	if none := (*NoCardsError)(nil); errors.As(err, &none) {
		none.Skipped = append(skipped, none.Skipped...) // the notes of missing note types too
	}
	if err != nil {
		return nil, err
	}
	res.Skipped = append(skipped, res.Skipped...)
	res.Warnings = append(warnings, res.Warnings...)
	res.NoteIDs = true
	res.History, res.items = history(answers, manual, res.Deck, res.items), nil
	return res, nil
}

// readMember reads a member of at most limit bytes (unpacked), undoing zstd
// when compressed. The size the archive declares is checked first, and
// the reads are bounded too, since a declaration can lie.
func readMember(f *zip.File, limit int64, compressed bool) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%s is %s unpacked; the limit is %s", f.Name, size(int64(min(f.UncompressedSize64, 1<<62))), size(limit))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read: %w", f.Name, err)
	}
	defer rc.Close()
	var src io.Reader = rc
	if compressed {
		dec, err := zstd.NewReader(rc,
			zstd.WithDecoderConcurrency(1),
			zstd.WithDecoderLowmem(true),
			zstd.WithDecoderMaxMemory(uint64(limit)),
			zstd.WithDecoderMaxWindow(uint64(max(min(limit, 128<<20), zstd.MinWindowSize))))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		defer dec.Close()
		src = dec
	}
	data, err := io.ReadAll(io.LimitReader(src, limit+1))
	switch {
	case errors.Is(err, zstd.ErrWindowSizeExceeded) || errors.Is(err, zstd.ErrDecoderSizeExceeded):
		return nil, fmt.Errorf("%s needs more than %s to unpack: %w", f.Name, size(limit), err)
	case err != nil:
		return nil, fmt.Errorf("%s is damaged: %w", f.Name, err)
	case int64(len(data)) > limit:
		return nil, fmt.Errorf("%s unpacks to more than the limit of %s", f.Name, size(limit))
	}
	return data, nil
}

// checkMeta reads the package's meta member, if any, and returns a
// warning when it is unreadable or names a layout newer than this reader.
func checkMeta(f *zip.File, lim Limits) string {
	if f == nil {
		return ""
	}
	data, err := readMember(f, lim.MaxSmall, false)
	if err != nil {
		return "the package's meta cannot be read: " + err.Error()
	}
	var version uint64
	err = protoScan(data, func(num protowire.Number, v []byte, x uint64) {
		if num == 1 {
			version = x
		}
	})
	switch {
	case err != nil:
		return "the package's meta is not valid: " + err.Error()
	case version > metaLatest:
		return fmt.Sprintf("the package's layout (version %d) is newer than this reader knows (%d): if cards are missing, export again with \"Support older Anki versions\" ticked", version, metaLatest)
	}
	return ""
}

// countMedia counts the files in the package's media list.
func countMedia(f *zip.File, lim Limits, latest bool) (int, error) {
	if f == nil {
		return 0, nil
	}
	data, err := readMember(f, lim.MaxSmall, latest && isZstd(f))
	if err != nil {
		return 0, err
	}
	if latest && !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		n := 0
		err := protoScan(data, func(num protowire.Number, v []byte, x uint64) {
			if num == 1 {
				n++
			}
		})
		return n, err
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return 0, err
	}
	return len(m), nil
}

// isZstd reports whether a member starts with the zstd frame magic.
func isZstd(f *zip.File) bool {
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(rc, head)
	return bytes.Equal(head[:n], []byte{0x28, 0xb5, 0x2f, 0xfd})
}

// protoScan calls fn for each top-level field of a protobuf message: v is
// a length-delimited field's bytes, x a varint field's value.
func protoScan(b []byte, fn func(num protowire.Number, v []byte, x uint64)) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return protowire.ParseError(n)
		}
		b = b[n:]
		switch typ {
		case protowire.VarintType:
			var x uint64
			x, n = protowire.ConsumeVarint(b)
			if n >= 0 {
				fn(num, nil, x)
			}
		case protowire.BytesType:
			var v []byte
			v, n = protowire.ConsumeBytes(b)
			if n >= 0 {
				fn(num, v, 0)
			}
		default:
			n = protowire.ConsumeFieldValue(num, typ, b)
		}
		if n < 0 {
			return protowire.ParseError(n)
		}
		b = b[n:]
	}
	return nil
}
