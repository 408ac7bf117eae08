package lang

import (
	"bytes"
	"encoding/json"
)

// wire is a message as JSON carries it. Parts are written without their
// texts: the top-level texts already say them.
type wire struct {
	Key   string   `json:"key"`
	Args  []string `json:"args,omitempty"`
	Parts []wire   `json:"parts,omitempty"`
	VI    string   `json:"vi,omitempty"`
	EN    string   `json:"en,omitempty"`
}

func toWire(m Message) wire {
	w := wire{Key: m.Key, Args: m.Args}
	if len(m.Parts) > 0 {
		w.Parts = make([]wire, len(m.Parts))
		for i, p := range m.Parts {
			w.Parts[i] = toWire(p)
		}
	}
	return w
}

func (w wire) message() Message {
	m := Message{Key: w.Key, Args: w.Args}
	if len(w.Parts) > 0 {
		m.Parts = make([]Message, len(w.Parts))
		for i, p := range w.Parts {
			m.Parts[i] = p.message()
		}
	}
	return m
}

// MarshalJSON writes the message as {"key", "args", "parts", "vi", "en"}:
// its key and values, so that a program can write it again in either
// language, and the sentence written in Vietnamese and in English, so
// that a program that does not have the catalogue can show it. Parts are
// written as key, args and parts only. A zero message is {"key": ""}.
func (m Message) MarshalJSON() ([]byte, error) {
	w := toWire(m)
	if m.Key != "" {
		w.VI, w.EN = m.In(Vietnamese), m.In(English)
	}
	// Not json.Marshal: it would escape "<" in "88,75 < 94,7". The encoder
	// that writes the message escapes HTML characters if it is asked to.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(w); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads a message as MarshalJSON writes it. The texts ("vi",
// "en") are accepted and ignored: the message is its key and values, and
// In writes it again from the catalogue.
func (m *Message) UnmarshalJSON(data []byte) error {
	var w wire
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*m = w.message()
	return nil
}
