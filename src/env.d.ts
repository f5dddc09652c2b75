/** A file imported as text by vite (`import css from './x.css?raw'`). */
declare module '*?raw' {
  const text: string;
  export default text;
}
