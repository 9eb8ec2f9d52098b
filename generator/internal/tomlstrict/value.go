package tomlstrict

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/adoptionreport/adoptionreport/internal/suggest"
)

// value stores val, the value of the key path, in fv, or reports why it
// cannot.
func (w *walker) value(path []string, val any, fv reflect.Value) {
	switch fv.Kind() {
	case reflect.Struct:
		if m, ok := val.(map[string]any); ok {
			w.table(m, fv, path)
			return
		}
	case reflect.String:
		if s, ok := val.(string); ok {
			fv.SetString(s)
			return
		}
	case reflect.Bool:
		if b, ok := val.(bool); ok {
			fv.SetBool(b)
			return
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, ok := val.(int64); ok {
			if fv.OverflowInt(n) {
				w.report(path, "%d is too large for this setting", n)
				return
			}
			fv.SetInt(n)
			return
		}
	case reflect.Float32, reflect.Float64:
		switch n := val.(type) {
		case float64:
			fv.SetFloat(n)
			return
		case int64:
			fv.SetFloat(float64(n))
			return
		}
	case reflect.Slice:
		elem := fv.Type().Elem()
		// A list of tables: [[councils]].
		if elem.Kind() == reflect.Struct {
			if list, ok := val.([]map[string]any); ok {
				out := reflect.MakeSlice(fv.Type(), len(list), len(list))
				for i, m := range list {
					w.table(m, out.Index(i), path)
				}
				fv.Set(out)
				return
			}
			w.report(path, "must be a list of tables, each starting with a line [[%s]], not %s", path[len(path)-1], got(val))
			return
		}
		// Otherwise only lists of strings: a cabinet paper's recommendations.
		if elem.Kind() != reflect.String {
			panic("tomlstrict: cannot decode into a field of type " + fv.Type().String())
		}
		if list, ok := val.([]any); ok {
			out := reflect.MakeSlice(fv.Type(), 0, len(list))
			for _, item := range list {
				s, ok := item.(string)
				if !ok {
					w.report(path, "must be a list of text in quotes, not a list holding %s", got(item))
					return
				}
				out = reflect.Append(out, reflect.ValueOf(s).Convert(elem))
			}
			fv.Set(out)
			return
		}
	default:
		panic("tomlstrict: cannot decode into a field of type " + fv.Type().String())
	}
	msg := fmt.Sprintf("must be %s, not %s", want(fv), got(val))
	if ex := example(path, val, fv); ex != "" {
		msg += ": write " + ex
	}
	w.report(path, "%s", msg)
}

// report adds an error at the key path and marks it as bad (see Doc.bad).
func (w *walker) report(path []string, format string, args ...any) {
	key := strings.Join(path, ".")
	w.doc.bad[key] = true
	line, col := w.doc.pos(path)
	w.probs.Errorf(w.doc.file, line, col, key, format, args...)
}

// want describes what a field holds, in a report officer's words.
func want(fv reflect.Value) string {
	switch fv.Kind() {
	case reflect.Struct:
		return "a table"
	case reflect.String:
		return "text in double quotes"
	case reflect.Bool:
		return "true or false"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return `a list of text, e.g. ["First", "Second"]`
	default:
		return "a whole number"
	}
}

// got describes a parsed TOML value.
func got(val any) string {
	switch v := val.(type) {
	case string:
		return fmt.Sprintf("the text %q", v)
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	case bool:
		return strconv.FormatBool(v)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "a list"
	default: // the date and time types
		return "a date or time"
	}
}

// example returns a line that would be right: the user's own value
// rewritten when that is what they meant, else the field's current
// (default) value.
func example(path []string, val any, fv reflect.Value) string {
	name := path[len(path)-1]
	switch fv.Kind() {
	case reflect.Struct:
		return "[" + strings.Join(path, ".") + "] on a line of its own, with its settings on the lines below it"
	case reflect.String:
		switch val.(type) {
		case int64, float64, bool:
			return fmt.Sprintf("%s = \"%v\"", name, val)
		}
	case reflect.Bool:
		if s, ok := val.(string); ok {
			if b, err := strconv.ParseBool(strings.TrimSpace(s)); err == nil {
				return fmt.Sprintf("%s = %t (without quotes)", name, b)
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		switch v := val.(type) {
		case string:
			if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
				return fmt.Sprintf("%s = %d (without quotes)", name, n)
			}
			// "forty": the number is the officer's to choose, not ours.
			return fmt.Sprintf("it in figures, without quotes, such as %s = %s", name, sample(fv))
		case float64:
			if v == float64(int64(v)) {
				return fmt.Sprintf("%s = %d", name, int64(v))
			}
		}
	case reflect.Float32, reflect.Float64:
		if s, ok := val.(string); ok {
			if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
				return fmt.Sprintf("%s = %v (without quotes)", name, f)
			}
		}
	case reflect.Slice:
		if s, ok := val.(string); ok {
			return fmt.Sprintf("%s = [%q]", name, s)
		}
	}
	return name + " = " + sample(fv)
}

// sample writes fv's value as TOML, or a typical value when it is zero.
func sample(fv reflect.Value) string {
	switch fv.Kind() {
	case reflect.String:
		if s := fv.String(); s != "" {
			return strconv.Quote(s)
		}
		return `"…"`
	case reflect.Bool:
		return "true"
	case reflect.Slice:
		return `["…", "…"]`
	case reflect.Float32, reflect.Float64:
		if fv.Float() != 0 {
			return strconv.FormatFloat(fv.Float(), 'f', -1, 64)
		}
		return "1.5"
	default:
		if fv.Int() != 0 {
			return strconv.FormatInt(fv.Int(), 10)
		}
		return "1"
	}
}

// unknown reports a key that the struct has no field for.
func (w *walker) unknown(path []string, val any, fs []field, t reflect.Type) {
	name := path[len(path)-1]
	what := "setting"
	if _, ok := val.(map[string]any); ok {
		what = "table"
	}
	if len(path) > 1 {
		if _, ok := find(fields(w.root), name); ok {
			// The classic TOML slip: a top-level setting written after a
			// [table] line belongs to that table.
			w.report(path, "unknown %s in [%s]: %s belongs at the top of the file, before the first [table] line",
				what, strings.Join(path[:len(path)-1], "."), name)
			return
		}
	}
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	if s := suggest.Suggest(name, names); s != "" {
		w.report(path, "unknown %s (did you mean %s?)", what, s)
		return
	}
	list := make([]string, len(fs))
	for i, f := range fs {
		list[i] = f.name
		switch ft := t.Field(f.index).Type; {
		case ft.Kind() == reflect.Struct:
			list[i] = "[" + f.name + "]"
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			list[i] = "[[" + f.name + "]]"
		}
	}
	where := "here"
	if len(path) > 1 {
		where = "in [" + strings.Join(path[:len(path)-1], ".") + "]"
	}
	w.report(path, "unknown %s (the settings %s are %s)", what, where, strings.Join(list, ", "))
}
