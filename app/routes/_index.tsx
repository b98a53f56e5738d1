export default function Index() {
  return <h1>JobTrack</h1>;
}
