// The header search box as an ARIA 1.2 combobox with a list of suggestions
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Progressive enhancement: without this
// file the box is a plain form that submits to /recherche/.
(() => {
    "use strict";

    const MIN_LENGTH = 2;
    const DEBOUNCE_MS = 200;

    function setUp(form) {
        const input = form.querySelector("input[name=q]");
        const field = form.querySelector(".site-search__field");
        const status = form.querySelector(".site-search__status");
        if (!input || !field || !status || !window.fetch) {
            return;
        }
        const listbox = document.createElement("ul");
        listbox.id = `${input.id}-listbox`;
        listbox.className = "site-search__listbox";
        listbox.setAttribute("role", "listbox");
        listbox.setAttribute("aria-label", form.dataset.listboxLabel || "Suggestions");
        listbox.hidden = true;
        field.appendChild(listbox);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listbox.id);

        let suggestions = [];
        let active = -1;
        let timer = null;
        let controller = null;
        let lastPrefix = "";

        function options() {
            return Array.from(listbox.querySelectorAll("[role=option]"));
        }

        function announce(count) {
            let message = form.dataset.messageNone || "";
            if (count === 1) {
                message = form.dataset.messageOne || "";
            } else if (count > 1) {
                message = (form.dataset.messageMany || "").replace("{count}", String(count));
            }
            // Cleared first so that the same message is announced again.
            status.textContent = "";
            window.setTimeout(() => { status.textContent = message; }, 50);
        }

        function open() {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function close() {
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            setActive(-1);
        }

        function setActive(index) {
            const items = options();
            items.forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
            active = index;
            if (index >= 0 && items[index]) {
                input.setAttribute("aria-activedescendant", items[index].id);
                items[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(list) {
            suggestions = list;
            listbox.replaceChildren(
                ...list.map((suggestion, index) => {
                    const item = document.createElement("li");
                    item.id = `${listbox.id}-${index}`;
                    item.className = "site-search__option";
                    item.setAttribute("role", "option");
                    item.setAttribute("aria-selected", "false");
                    const label = document.createElement("span");
                    label.className = "site-search__option-label";
                    label.textContent = suggestion.label;
                    const kind = document.createElement("span");
                    kind.className = "site-search__option-kind";
                    kind.textContent = suggestion.kind;
                    item.append(label, " ", kind);
                    // mousedown, not click: the input keeps its focus until we navigate.
                    item.addEventListener("mousedown", (event) => {
                        event.preventDefault();
                        go(index);
                    });
                    return item;
                })
            );
            active = -1;
            input.removeAttribute("aria-activedescendant");
            if (list.length) {
                open();
            } else {
                close();
            }
            announce(list.length);
        }

        function go(index) {
            const suggestion = suggestions[index];
            if (suggestion) {
                window.location.assign(suggestion.url);
            }
        }

        async function fetchSuggestions(prefix) {
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            const url = `${form.dataset.autocompleteUrl}?${new URLSearchParams({ q: prefix })}`;
            try {
                const response = await fetch(url, {
                    headers: { Accept: "application/json" },
                    credentials: "same-origin",
                    signal: controller.signal,
                });
                if (!response.ok) {
                    return;
                }
                const data = await response.json();
                if (input.value.trim() === prefix) {
                    render(Array.isArray(data.suggestions) ? data.suggestions : []);
                }
            } catch (error) {
                if (error.name !== "AbortError") {
                    close();
                }
            }
        }

        input.addEventListener("input", () => {
            window.clearTimeout(timer);
            const prefix = input.value.trim();
            if (prefix.length < MIN_LENGTH) {
                lastPrefix = "";
                if (controller) {
                    controller.abort();
                }
                suggestions = [];
                listbox.replaceChildren();
                close();
                return;
            }
            timer = window.setTimeout(() => {
                if (prefix !== lastPrefix) {
                    lastPrefix = prefix;
                    fetchSuggestions(prefix);
                }
            }, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", (event) => {
            const count = suggestions.length;
            const isOpen = !listbox.hidden;
            switch (event.key) {
                case "ArrowDown":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen) {
                        open();
                        setActive(0);
                    } else {
                        setActive((active + 1) % count);
                    }
                    break;
                case "ArrowUp":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen) {
                        open();
                        setActive(count - 1);
                    } else {
                        setActive(active <= 0 ? count - 1 : active - 1);
                    }
                    break;
                case "Home":
                case "End":
                    // In the list, Home and End reach its ends; in the text, they move the caret.
                    if (isOpen && active >= 0) {
                        event.preventDefault();
                        setActive(event.key === "Home" ? 0 : count - 1);
                    }
                    break;
                case "Enter":
                    if (isOpen && active >= 0) {
                        event.preventDefault();
                        go(active);
                    }
                    break;
                case "Escape":
                    if (isOpen) {
                        event.preventDefault();
                        close();
                    } else if (input.value) {
                        event.preventDefault();
                        input.value = "";
                        suggestions = [];
                        listbox.replaceChildren();
                        lastPrefix = "";
                    }
                    break;
                default:
                    break;
            }
        });

        input.addEventListener("blur", () => close());
        input.addEventListener("focus", () => {
            if (suggestions.length && input.value.trim().length >= MIN_LENGTH) {
                open();
            }
        });
    }

    function start() {
        document.querySelectorAll("form[data-autocomplete-url]").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
