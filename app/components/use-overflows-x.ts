import { useEffect, useRef, useState } from "react";

/**
 * Whether a box is narrower than its content (it scrolls sideways), measured in the browser and again when the box
 * resizes. `state` is undefined until measured (server render, no JavaScript): the CSS decides then.
 */
export function useOverflowsX<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [state, setState] = useState<"yes" | "no" | undefined>(undefined);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setState(el.scrollWidth > el.clientWidth + 1 ? "yes" : "no");
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, state };
}
